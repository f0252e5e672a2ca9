// Evidence of an item: download links for all; uploads (with progress) and deletes for the responsible
// unit while it responds or resolves.
import { useState } from 'react';
import { App, Button, Popconfirm, Progress, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { uploadItemAttachment, useDeleteItemAttachment, type ItemAttachment } from '../../api/items.ts';
import { attachmentTypes, maxAttachmentBytes } from '../../api/upload.ts';
import { useT } from '../../app/i18n.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { formatSize } from '../reports/Attachments.tsx';

interface Uploading {
  uid: string;
  name: string;
  percent: number;
}

export function ItemAttachments({
  itemId,
  files,
  editable,
}: {
  itemId: number;
  files: ItemAttachment[];
  editable: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const onError = useApiError();
  const qc = useQueryClient();
  const remove = useDeleteItemAttachment();
  const [uploading, setUploading] = useState<Uploading[]>([]);

  const start = (file: File & { uid: string }) => {
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
    uploadItemAttachment(itemId, file, progress)
      .then(async (a) => {
        message.success(t('item.uploaded', { name: a.name }));
        await qc.invalidateQueries({ queryKey: ['items'] });
      })
      .catch((e: unknown) => onError(e))
      .finally(() => setUploading((u) => u.filter((x) => x.uid !== file.uid)));
  };

  return (
    <div data-testid="item-attachments">
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text strong>{t('item.evidence')}</Typography.Text>
        {editable && (
          <Upload
            multiple
            showUploadList={false}
            accept=".jpg,.jpeg,.png,.pdf,.docx,.xlsx"
            beforeUpload={(file) => {
              start(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} data-testid="item-upload">
              {t('item.upload')}
            </Button>
          </Upload>
        )}
        {editable && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('item.attachHelp')}
          </Typography.Text>
        )}
      </Space>
      {uploading.map((u) => (
        <div key={u.uid} style={{ maxWidth: 480 }}>
          <Typography.Text>{u.name}</Typography.Text>
          <Progress percent={u.percent} size="small" />
        </div>
      ))}
      {files.length === 0 && uploading.length === 0 && (
        <div>
          <Typography.Text type="secondary">{t('item.noAttachments')}</Typography.Text>
        </div>
      )}
      {files.map((a) => (
        <Space key={a.id} style={{ display: 'flex', padding: '4px 0' }}>
          <PaperClipOutlined />
          <a href={`/api/item-attachments/${a.id}`} download={a.name}>
            {a.name}
          </a>
          <Typography.Text type="secondary">{formatSize(a.size)}</Typography.Text>
          {editable && (
            <Popconfirm
              title={t('item.attachDeleteConfirm', { name: a.name })}
              onConfirm={() => remove.mutateAsync(a.id).catch((e: unknown) => onError(e))}
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
