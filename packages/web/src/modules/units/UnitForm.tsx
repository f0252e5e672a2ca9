// Drawer form to create or edit a unit (region fixed after creation; head and liaison on edit).
import { Form, Input, Select } from 'antd';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { unitCreate, unitTypes, unitUpdate, type Unit } from '@ducha/contract';
import { unitHooks } from '../../api/org.ts';
import { useMe } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { zodForm } from '../../components/zodForm.ts';
import { useApiError } from '../../components/useApiError.ts';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { PersonSelect, UnitSelect, optionOf } from '../../components/RemoteSelect.tsx';

export interface UnitFormProps {
  editing: Unit | null;
  onClose: () => void;
  onSaved?: (u: Unit) => void;
}

export function UnitForm({ editing, onClose, onSaved }: UnitFormProps) {
  const t = useT();
  const L = useLabels();
  const me = useMe();
  const [form] = Form.useForm();
  const create = unitHooks.useCreate();
  const update = unitHooks.useUpdate();
  const onError = useApiError();
  const zc = zodForm(unitCreate, t('form.required'));
  const zu = zodForm(unitUpdate, t('form.required'));
  const z = editing ? zu : zc;

  const submit = async () => {
    const values = form.getFieldsValue();
    try {
      let saved: Unit;
      if (editing) {
        const body = zu.parse(form, { ...values, version: editing.version });
        if (!body) return;
        saved = await update.mutateAsync({ id: editing.id, ...body });
      } else {
        const body = zc.parse(form, values);
        if (!body) return;
        saved = await create.mutateAsync(body);
      }
      onSaved?.(saved);
      onClose();
    } catch (e) {
      onError(e, form, onClose);
    }
  };

  const initial = editing
    ? {
        name: editing.name,
        shortName: editing.shortName,
        type: editing.type,
        parentId: editing.parentId,
        headPersonId: editing.headPersonId,
        liaisonPersonId: editing.liaisonPersonId,
        phone: editing.phone,
      }
    : { type: 'department', regionCode: me.regionCode };

  return (
    <FormDrawer
      size={520}
      title={editing ? t('unit.edit', { name: editing.name }) : t('unit.create')}
      onClose={onClose}
      onSave={submit}
      saving={create.isPending || update.isPending}
      testId="unit-save"
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="name" label={t('field.name')} {...z.item('name')}>
          <Input maxLength={100} placeholder={t('unit.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="shortName" label={t('field.shortName')} {...z.item('shortName')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="type" label={t('field.type')} {...z.item('type')}>
          <Select options={unitTypes.map((u) => ({ value: u, label: L.unitType(u) }))} />
        </Form.Item>
        {editing ? (
          <Form.Item label={t('field.region')}>
            <Input disabled value={`${editing.regionName}（${editing.regionCode}）`} />
          </Form.Item>
        ) : (
          <Form.Item name="regionCode" label={t('field.region')} {...zc.item('regionCode')}>
            <RegionSelect />
          </Form.Item>
        )}
        <Form.Item name="parentId" label={t('field.parentUnit')} {...z.item('parentId')}>
          <UnitSelect placeholder={t('common.none')} />
        </Form.Item>
        {editing && (
          <>
            <Form.Item name="headPersonId" label={t('field.headPersonId')} {...zu.item('headPersonId')}>
              <PersonSelect
                unitId={editing.id}
                initialOptions={optionOf(editing.headPersonId, editing.headPersonName)}
              />
            </Form.Item>
            <Form.Item
              name="liaisonPersonId"
              label={t('field.liaisonPersonId')}
              {...zu.item('liaisonPersonId')}
            >
              <PersonSelect
                unitId={editing.id}
                initialOptions={optionOf(editing.liaisonPersonId, editing.liaisonPersonName)}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="phone" label={t('field.phone')} {...z.item('phone')}>
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
