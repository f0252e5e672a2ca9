// The create-or-edit flow every library form shares (firms, experts, inspectors): one antd form,
// the contract's create or update schema for its field errors, the version sent on an edit, the
// server's field errors back on the form.
import { Form } from 'antd';
import type { z } from 'zod';
import { useT } from '../../../app/i18n.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { zodForm } from '../../../components/zodForm.ts';

interface Mutation<V> {
  mutateAsync: (v: V) => Promise<unknown>;
  isPending: boolean;
}

export function useLibraryForm<C extends z.ZodObject, U extends z.ZodObject>(opts: {
  editing: { id: number; version: number } | null;
  hooks: { useCreate: () => Mutation<never>; useUpdate: () => Mutation<never> };
  create: C;
  update: U;
  onClose: () => void;
  /** the form's values as the API takes them (e.g. text fields parsed) */
  toBody?: (values: Record<string, unknown>) => Record<string, unknown>;
}) {
  const t = useT();
  const [form] = Form.useForm();
  const create = opts.hooks.useCreate() as Mutation<unknown>;
  const update = opts.hooks.useUpdate() as Mutation<unknown>;
  const onError = useApiError();
  const zc = zodForm(opts.create, t('form.required'));
  const zu = zodForm(opts.update, t('form.required'));
  const { editing } = opts;
  const submit = async () => {
    const v = (opts.toBody ?? ((x) => x))(form.getFieldsValue());
    try {
      if (editing) {
        const body = zu.parse(form, { ...v, version: editing.version });
        if (!body) return;
        await update.mutateAsync({ id: editing.id, ...body });
      } else {
        const body = zc.parse(form, v);
        if (!body) return;
        await create.mutateAsync(body);
      }
      opts.onClose();
    } catch (e) {
      onError(e, form, opts.onClose);
    }
  };
  return { form, z: editing ? zu : zc, zc, submit, saving: create.isPending || update.isPending };
}
