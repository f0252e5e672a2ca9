// Drawer form to create or edit a person (name, unit, title, phone).
import { Form, Input } from 'antd';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { personCreate, personUpdate, type Person } from '@ducha/contract';
import { personHooks } from '../../api/org.ts';
import { useT } from '../../app/i18n.tsx';
import { zodForm } from '../../components/zodForm.ts';
import { useApiError } from '../../components/useApiError.ts';
import { UnitSelect, optionOf } from '../../components/RemoteSelect.tsx';

export interface PersonFormProps {
  editing: Person | null;
  /** Unit preselected when creating (the list's unit filter). */
  unitId?: number;
  onClose: () => void;
}

export function PersonForm({ editing, unitId, onClose }: PersonFormProps) {
  const t = useT();
  const [form] = Form.useForm();
  const create = personHooks.useCreate();
  const update = personHooks.useUpdate();
  const onError = useApiError();
  const zc = zodForm(personCreate, t('form.required'));
  const zu = zodForm(personUpdate, t('form.required'));
  const z = editing ? zu : zc;

  const submit = async () => {
    const values = form.getFieldsValue();
    try {
      if (editing) {
        const body = zu.parse(form, { ...values, version: editing.version });
        if (!body) return;
        await update.mutateAsync({ id: editing.id, ...body });
      } else {
        const body = zc.parse(form, values);
        if (!body) return;
        await create.mutateAsync(body);
      }
      onClose();
    } catch (e) {
      onError(e, form, onClose);
    }
  };

  const initial = editing
    ? { name: editing.name, unitId: editing.unitId, title: editing.title, phone: editing.phone }
    : { unitId };

  return (
    <FormDrawer
      size={480}
      title={editing ? t('person.edit', { name: editing.name }) : t('person.create')}
      onClose={onClose}
      onSave={submit}
      saving={create.isPending || update.isPending}
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="name" label={t('field.personName')} {...z.item('name')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="unitId" label={t('field.unit')} {...z.item('unitId')}>
          <UnitSelect allowClear={false} initialOptions={optionOf(editing?.unitId, editing?.unitName)} />
        </Form.Item>
        <Form.Item name="title" label={t('field.title')} extra={t('person.titleHelp')} {...z.item('title')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('field.phone')} {...z.item('phone')}>
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
