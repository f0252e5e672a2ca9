// One way to show API errors: field errors onto the form, version conflicts as a reload prompt.
import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { applyErrorsToForm, isApiError } from '../api/client.ts';
import { useT } from '../app/i18n.tsx';

/** Returns `handle(err, form?)`; call it from a mutation's catch/onError. */
export function useApiError() {
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const t = useT();
  return useCallback(
    (err: unknown, form?: FormInstance, onReload?: () => void) => {
      if (!isApiError(err)) {
        message.error(err instanceof Error ? err.message : String(err));
        return;
      }
      if (err.code === 'VERSION_CONFLICT') {
        modal.warning({
          title: t('error.conflictTitle'),
          content: err.message,
          okText: t('action.reload'),
          onOk: async () => {
            await qc.invalidateQueries();
            onReload?.();
          },
        });
        return;
      }
      // Details that match no form field (or with no form) are added to the message, paths left out:
      // they may be internal names (a constraint) that mean nothing to the user.
      const unmatched = form ? applyErrorsToForm(form, err) : err.details;
      const extra = [...new Set(unmatched.map((d) => d.message))].filter((m) => m && m !== err.message);
      message.error(extra.length ? `${err.message}（${extra.join('；')}）` : err.message);
    },
    [message, modal, qc, t],
  );
}
