// A report's attachments: download links, and on a draft, uploads with progress and clear size/type errors.
import { useQueryClient } from '@tanstack/react-query';
import type { MonthlyReport } from '@ducha/contract';
import { uploadAttachment, useDeleteAttachment } from '../../api/reports.ts';
import { useT } from '../../app/i18n.tsx';
import { AttachmentList } from '../../components/AttachmentList.tsx';

export function Attachments({ report, editable }: { report: MonthlyReport | null; editable: boolean }) {
  const t = useT();
  const qc = useQueryClient();
  const remove = useDeleteAttachment();
  const open = !!report && (report.status === 'draft' || report.status === 'returned');
  return (
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
          : undefined
      }
      canDelete={() => editable && report?.status === 'draft'}
      remove={(a) => remove.mutateAsync(a.id)}
      text={{
        title: t('report.attachments'),
        upload: t('report.upload'),
        uploaded: (name) => t('report.uploaded', { name }),
        deleteConfirm: (name) => t('report.attachDeleteConfirm', { name }),
        help: editable ? (report ? t('report.attachHelp') : t('report.attachSaveFirst')) : undefined,
        empty: editable ? undefined : '-',
      }}
    />
  );
}
