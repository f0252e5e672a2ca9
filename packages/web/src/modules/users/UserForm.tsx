// Drawer form to create or edit a user account (role, data scope region, unit, linked person).
import { Form, Input, Select } from 'antd';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { officeManagedRoles, roles, userCreate, userUpdate, type User } from '@ducha/contract';
import { useCreateUser, useUpdateUser, type UserWithPassword } from '../../api/users.ts';
import { useMe } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { zodForm } from '../../components/zodForm.ts';
import { useApiError } from '../../components/useApiError.ts';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { PersonSelect, UnitSelect, optionOf } from '../../components/RemoteSelect.tsx';

export interface UserFormProps {
  editing: User | null;
  onClose: () => void;
  /** Called with the one-time password of a new account. */
  onCreated: (res: UserWithPassword) => void;
}

export function UserForm({ editing, onClose, onCreated }: UserFormProps) {
  const t = useT();
  const L = useLabels();
  const me = useMe();
  const [form] = Form.useForm();
  const create = useCreateUser();
  const update = useUpdateUser();
  const onError = useApiError();
  const zc = zodForm(userCreate, t('form.required'));
  const zu = zodForm(userUpdate, t('form.required'));
  const z = editing ? zu : zc;
  const unitId = Form.useWatch('unitId', form) as number | null | undefined;
  const assignable = me.role === 'admin' ? roles : officeManagedRoles;

  const submit = async () => {
    const values = form.getFieldsValue();
    try {
      if (editing) {
        const body = zu.parse(form, { ...values, version: editing.version });
        if (!body) return;
        await update.mutateAsync({ id: editing.id, ...body });
        onClose();
      } else {
        const body = zc.parse(form, values);
        if (!body) return;
        const res = await create.mutateAsync(body);
        onClose();
        onCreated(res);
      }
    } catch (e) {
      onError(e, form, onClose);
    }
  };

  const initial = editing
    ? {
        displayName: editing.displayName,
        role: editing.role,
        regionCode: editing.regionCode,
        unitId: editing.unitId,
        personId: editing.personId,
      }
    : { regionCode: me.regionCode };

  return (
    <FormDrawer
      size={500}
      title={editing ? t('user.edit', { name: editing.username }) : t('user.create')}
      onClose={onClose}
      onSave={submit}
      saving={create.isPending || update.isPending}
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        {editing ? (
          <Form.Item label={t('field.username')}>
            <Input disabled value={editing.username} />
          </Form.Item>
        ) : (
          <Form.Item
            name="username"
            label={t('field.username')}
            extra={t('user.usernameHelp')}
            {...zc.item('username')}
          >
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('field.displayName')} {...z.item('displayName')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="role" label={t('field.role')} {...z.item('role')}>
          <Select
            placeholder={t('user.rolePlaceholder')}
            options={assignable.map((r) => ({ value: r, label: L.role(r) }))}
          />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('user.scopeRegion')}
          extra={t('user.scopeHelp')}
          {...z.item('regionCode')}
        >
          <RegionSelect allowClear={false} />
        </Form.Item>
        <Form.Item name="unitId" label={t('field.unit')} extra={t('user.unitHelp')} {...z.item('unitId')}>
          <UnitSelect
            initialOptions={optionOf(editing?.unitId, editing?.unitName)}
            placeholder={t('common.none')}
          />
        </Form.Item>
        <Form.Item
          name="personId"
          label={t('user.person')}
          extra={t('user.personHelp')}
          {...z.item('personId')}
        >
          <PersonSelect
            unitId={unitId}
            initialOptions={optionOf(editing?.personId, null)}
            placeholder={t('common.none')}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
