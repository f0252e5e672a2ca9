// Evidence of an item: download links for all; uploads (with progress) and deletes for the responsible
// unit while it responds or resolves.
import { useQueryClient } from '@tanstack/react-query';
import { uploadItemAttachment, useDeleteItemAttachment, type ItemAttachment } from '../../api/items.ts';
import { useT } from '../../app/i18n.tsx';
import { AttachmentList } from '../../components/AttachmentList.tsx';

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
  const qc = useQueryClient();
  const remove = useDeleteItemAttachment();
  return (
    <AttachmentList
      testId="item"
      files={files}
      href={(a) => `/api/item-attachments/${a.id}`}
      upload={
        editable
          ? async (file, progress) => {
              const a = await uploadItemAttachment(itemId, file, progress);
              await qc.invalidateQueries({ queryKey: ['items'] });
              return a;
            }
          : undefined
      }
      canDelete={() => editable}
      remove={(a) => remove.mutateAsync(a.id)}
      text={{
        title: t('item.evidence'),
        upload: t('item.upload'),
        uploaded: (name) => t('item.uploaded', { name }),
        deleteConfirm: (name) => t('item.attachDeleteConfirm', { name }),
        help: editable ? t('item.attachHelp') : undefined,
        empty: t('item.noAttachments'),
      }}
    />
  );
}
