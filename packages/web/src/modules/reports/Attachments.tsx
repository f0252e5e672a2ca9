// A report's attachments: download links, and on a draft, uploads with progress and clear size/type errors.
import { useState } from 'react';
import { App, Button, Popconfirm, Progress, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { MonthlyReport } from '@ducha/contract';
import {
  attachmentTypes,
  maxAttachmentBytes,
  uploadAttachment,
  useDeleteAttachment,
} from '../../api/reports.ts';
import { useT } from '../../app/i18n.tsx';
import { useApiError } from '../../components/useApiError.ts';

/** 1536 → '1.5 KB'. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

interface Uploading {
  uid: string;
  name: string;
  percent: number;
}

export function Attachments({ report, editable }: { report: MonthlyReport | null; editable: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const onError = useApiError();
  const qc = useQueryClient();
  const remove = useDeleteAttachment();
  const [uploading, setUploading] = useState<Uploading[]>([]);
  const open = !!report && (report.status === 'draft' || report.status === 'returned');
  const canUpload = editable && open;
  const files = report?.attachments ?? [];

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
    if (!report) return;
    setUploading((u) => [...u, { uid: file.uid, name: file.name, percent: 0 }]);
    const progress = (percent: number) =>
      setUploading((u) => u.map((x) => (x.uid === file.uid ? { ...x, percent } : x)));
    uploadAttachment(report.id, file, progress)
      .then(async (a) => {
        message.success(t('report.uploaded', { name: a.name }));
        await qc.invalidateQueries({ queryKey: ['reports'] });
      })
      .catch((e: unknown) => onError(e))
      .finally(() => setUploading((u) => u.filter((x) => x.uid !== file.uid)));
  };

  return (
    <div data-testid="report-attachments">
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text strong>{t('report.attachments')}</Typography.Text>
        {canUpload && (
          <Upload
            multiple
            showUploadList={false}
            accept=".jpg,.jpeg,.png,.pdf,.docx,.xlsx"
            beforeUpload={(file) => {
              start(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} data-testid="report-upload">
              {t('report.upload')}
            </Button>
          </Upload>
        )}
        {editable && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {report ? t('report.attachHelp') : t('report.attachSaveFirst')}
          </Typography.Text>
        )}
        {!editable && files.length === 0 && <Typography.Text type="secondary">-</Typography.Text>}
      </Space>
      {uploading.map((u) => (
        <div key={u.uid} style={{ maxWidth: 480 }}>
          <Typography.Text>{u.name}</Typography.Text>
          <Progress percent={u.percent} size="small" />
        </div>
      ))}
      {files.map((a) => (
        <Space key={a.id} style={{ display: 'flex', padding: '4px 0' }}>
          <PaperClipOutlined />
          <a href={`/api/attachments/${a.id}`} download={a.name}>
            {a.name}
          </a>
          <Typography.Text type="secondary">{formatSize(a.size)}</Typography.Text>
          {canUpload && report?.status === 'draft' && (
            <Popconfirm
              title={t('report.attachDeleteConfirm', { name: a.name })}
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
