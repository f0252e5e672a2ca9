// A list of stored files with download links and, when allowed, uploads with progress (type and size
// checked before sending) and deletes. Reports and supervised items both show their files with it.
import { useState } from 'react';
import { App, Button, Popconfirm, Progress, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { attachmentTypes, maxAttachmentBytes } from '../api/upload.ts';
import { useT } from '../app/i18n.tsx';
import { useApiError } from './useApiError.ts';

/** 1536 → '1.5 KB'. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

interface StoredFile {
  id: number;
  name: string;
  size: number;
}

export interface AttachmentListProps<F extends StoredFile> {
  /** prefix of the test ids: `${testId}-attachments`, `${testId}-upload` */
  testId: string;
  files: F[];
  href: (file: F) => string;
  /** absent: no upload button */
  upload?: (file: File, onProgress: (percent: number) => void) => Promise<{ name: string }>;
  canDelete: (file: F) => boolean;
  remove: (file: F) => Promise<unknown>;
  text: {
    title: string;
    upload: string;
    uploaded: (name: string) => string;
    deleteConfirm: (name: string) => string;
    /** shown beside the title */
    help?: string;
    /** shown when there are no files */
    empty?: string;
  };
}

interface Uploading {
  uid: string;
  name: string;
  percent: number;
}

export function AttachmentList<F extends StoredFile>(p: AttachmentListProps<F>) {
  const t = useT();
  const { message } = App.useApp();
  const onError = useApiError();
  const [uploading, setUploading] = useState<Uploading[]>([]);

  const start = (file: File & { uid: string }, upload: NonNullable<typeof p.upload>) => {
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    if (!attachmentTypes[ext]) {
      message.error(t('report.attachType', { name: file.name }));
      return;
    }
    if (file.size > maxAttachmentBytes) {
      message.error(t('report.attachSize', { name: file.name, size: formatSize(file.size) }));
      return;
    }
    setUploading((u) => [...u, { uid: file.uid, name: file.name, percent: 0 }]);
    const progress = (percent: number) =>
      setUploading((u) => u.map((x) => (x.uid === file.uid ? { ...x, percent } : x)));
    upload(file, progress)
      .then((a) => message.success(p.text.uploaded(a.name)))
      .catch((e: unknown) => onError(e))
      .finally(() => setUploading((u) => u.filter((x) => x.uid !== file.uid)));
  };

  const { upload } = p;
  return (
    <div data-testid={`${p.testId}-attachments`}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text strong>{p.text.title}</Typography.Text>
        {upload && (
          <Upload
            multiple
            showUploadList={false}
            accept=".jpg,.jpeg,.png,.pdf,.docx,.xlsx"
            beforeUpload={(file) => {
              start(file, upload);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} data-testid={`${p.testId}-upload`}>
              {p.text.upload}
            </Button>
          </Upload>
        )}
        {p.text.help && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.text.help}
          </Typography.Text>
        )}
      </Space>
      {uploading.map((u) => (
        <div key={u.uid} style={{ maxWidth: 480 }}>
          <Typography.Text>{u.name}</Typography.Text>
          <Progress percent={u.percent} size="small" />
        </div>
      ))}
      {p.files.length === 0 && uploading.length === 0 && p.text.empty && (
        <div>
          <Typography.Text type="secondary">{p.text.empty}</Typography.Text>
        </div>
      )}
      {p.files.map((a) => (
        <Space key={a.id} style={{ display: 'flex', padding: '4px 0' }}>
          <PaperClipOutlined />
          <a href={p.href(a)} download={a.name}>
            {a.name}
          </a>
          <Typography.Text type="secondary">{formatSize(a.size)}</Typography.Text>
          {p.canDelete(a) && (
            <Popconfirm
              title={p.text.deleteConfirm(a.name)}
              onConfirm={() => p.remove(a).catch((e: unknown) => onError(e))}
            >
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('action.remove')}
              />
            </Popconfirm>
          )}
        </Space>
      ))}
    </div>
  );
}
