// Modal form to create a position (name, unit, first holder) or rename one.
import { Form, Input, Modal } from 'antd';
import { positionCreate, positionUpdate, type Position } from '@ducha/contract';
import { positionHooks } from '../../api/org.ts';
import { useT } from '../../app/i18n.tsx';
import { zodForm } from '../../components/zodForm.ts';
import { useApiError } from '../../components/useApiError.ts';
import { PersonSelect, UnitSelect } from '../../components/RemoteSelect.tsx';

export function PositionForm({ editing, onClose }: { editing: Position | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const create = positionHooks.useCreate();
  const update = positionHooks.useUpdate();
  const onError = useApiError();
  const zc = zodForm(positionCreate, t('form.required'));
  const zu = zodForm(positionUpdate, t('form.required'));
  const unitId = Form.useWatch('unitId', form) as number | undefined;

  const submit = async () => {
    const values = form.getFieldsValue();
    try {
      if (editing) {
        const body = zu.parse(form, { name: values.name, version: editing.version });
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

  return (
    <Modal
      open
      title={editing ? t('position.rename') : t('position.create')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={editing ? { name: editing.name } : {}}>
        <Form.Item
          name="name"
          label={t('position.name')}
          extra={editing ? undefined : t('position.nameHelp')}
          {...(editing ? zu : zc).item('name')}
        >
          <Input maxLength={50} />
        </Form.Item>
        {!editing && (
          <>
            <Form.Item name="unitId" label={t('field.unit')} {...zc.item('unitId')}>
              <UnitSelect allowClear={false} />
            </Form.Item>
            <Form.Item
              name="holderId"
              label={t('position.holder')}
              extra={t('position.holderHelp')}
              {...zc.item('holderId')}
            >
              <PersonSelect unitId={unitId} placeholder={t('position.vacant')} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
