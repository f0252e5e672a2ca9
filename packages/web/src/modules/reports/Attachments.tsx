// A report's attachments: download links, and on a draft, uploads with progress and clear size/type errors.
// Before the month's first save there is no report to attach to: picked files wait in the form
// (`pending`) and go up when the draft is saved or submitted (ReportEditor).
import { useQueryClient } from '@tanstack/react-query';
import { Button, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { MonthlyReport } from '@ducha/contract';
import { uploadAttachment, useDeleteAttachment } from '../../api/reports.ts';
import { useT } from '../../app/i18n.tsx';
import { AttachmentList, formatSize } from '../../components/AttachmentList.tsx';

/** Files picked before the report exists, uploaded after its first save. */
export interface PendingFiles {
  files: File[];
  add: (file: File) => void;
  remove: (file: File) => void;
}

export function Attachments({
  report,
  editable,
  pending,
}: {
  report: MonthlyReport | null;
  editable: boolean;
  pending?: PendingFiles;
}) {
  const t = useT();
  const qc = useQueryClient();
  const remove = useDeleteAttachment();
  const open = !!report && (report.status === 'draft' || report.status === 'returned');
  const queue = editable && !report && pending;
  return (
    <>
      <AttachmentList
        testId="report"
        files={report?.attachments ?? []}
        href={(a) => `/api/attachments/${a.id}`}
        upload={
          editable && open
            ? async (file, progress) => {
                const a = await uploadAttachment(report.id, file, progress);
                await qc.invalidateQueries({ queryKey: ['reports'] });
                return a;
              }
            : queue
              ? async (file) => {
                  queue.add(file);
                  return { name: file.name };
                }
              : undefined
        }
        canDelete={() => editable && report?.status === 'draft'}
        remove={(a) => remove.mutateAsync(a.id)}
        text={{
          title: t('report.attachments'),
          upload: t('report.upload'),
          uploaded: (name) => t(queue ? 'report.pendingAdded' : 'report.uploaded', { name }),
          deleteConfirm: (name) => t('report.attachDeleteConfirm', { name }),
          help: editable ? (report ? t('report.attachHelp') : t('report.attachSaveFirst')) : undefined,
          empty: editable ? undefined : '-',
        }}
      />
      {editable &&
        pending?.files.map((f, i) => (
          <Space
            key={`${f.name}-${i}`}
            style={{ display: 'flex', padding: '4px 0' }}
            data-testid="report-pending"
          >
            <PaperClipOutlined />
            <Typography.Text>{f.name}</Typography.Text>
            <Typography.Text type="secondary">{formatSize(f.size)}</Typography.Text>
            <Tag color="gold">{t('report.pending')}</Tag>
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('action.remove')}
              onClick={() => pending.remove(f)}
            />
          </Space>
        ))}
    </>
  );
}
