// API errors of item steps: 409 INVALID_STATE (the state moved on: say so and reload), 409
// VERSION_CONFLICT (已被他人修改，请刷新), and the rest as everywhere (field errors onto the form).
import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { useApiError } from '../../components/useApiError.ts';

export function useStepError() {
  const t = useT();
  const L = useLabels();
  const { modal } = App.useApp();
  const qc = useQueryClient();
  const onError = useApiError();
  return useCallback(
    (err: unknown, form?: FormInstance, onDone?: () => void) => {
      const reload = async () => {
        await qc.invalidateQueries({ queryKey: ['items'] });
        onDone?.();
      };
      if (isApiError(err) && err.code === 'INVALID_STATE') {
        const status = typeof err.body.status === 'string' ? L.itemStatus(err.body.status) : '-';
        const allowed = Array.isArray(err.body.allowed)
          ? (err.body.allowed as string[]).map((a) => L.itemAction(a)).join('、') || t('common.none')
          : t('common.none');
        modal.warning({ title: err.message, content: t('item.invalidState', { status, allowed }) });
        void reload();
        return;
      }
      if (isApiError(err) && err.code === 'VERSION_CONFLICT') {
        modal.warning({
          title: t('item.conflict'),
          content: t('item.conflictHelp'),
          okText: t('item.reload'),
          onOk: reload,
        });
        return;
      }
      onError(err, form);
    },
    [t, L, modal, qc, onError],
  );
}
