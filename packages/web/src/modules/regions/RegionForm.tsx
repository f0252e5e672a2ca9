// Modal forms for regions: create (code, name, level, parent) and rename.
import { Form, Input, Modal, Select } from 'antd';
import { regionCreate, regionLevels, regionUpdate, type Region } from '@ducha/contract';
import { useCreateRegion, useUpdateRegion } from '../../api/org.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { zodForm } from '../../components/zodForm.ts';
import { useApiError } from '../../components/useApiError.ts';
import { RegionSelect } from '../../components/RegionSelect.tsx';

export interface RegionFormProps {
  /** null: create; a region: rename it. */
  editing: Region | null;
  /** Parent preselected when creating from a row. */
  parentCode?: string | null;
  /** Level preselected when creating (one below the parent's). */
  level?: Region['level'];
  open: boolean;
  onClose: () => void;
}

export function RegionForm({ editing, parentCode, level, open, onClose }: RegionFormProps) {
  const t = useT();
  const L = useLabels();
  const [form] = Form.useForm();
  const create = useCreateRegion();
  const update = useUpdateRegion();
  const onError = useApiError();
  const zc = zodForm(regionCreate, t('form.required'));
  const zu = zodForm(regionUpdate, t('form.required'));

  const submit = async () => {
    const values = form.getFieldsValue();
    try {
      if (editing) {
        const body = zu.parse(form, { version: editing.version, name: values.name });
        if (!body) return;
        await update.mutateAsync({ code: editing.code, ...body });
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
      open={open}
      title={editing ? t('region.rename') : t('region.create')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          editing ? { name: editing.name } : { parentCode: parentCode ?? undefined, level: level ?? 'county' }
        }
      >
        {!editing && (
          <>
            <Form.Item name="parentCode" label={t('field.parentCode')} extra={t('region.parentHelp')}>
              <RegionSelect />
            </Form.Item>
            <Form.Item name="code" label={t('field.code')} extra={t('region.codeHelp')} {...zc.item('code')}>
              <Input maxLength={12} />
            </Form.Item>
            <Form.Item name="level" label={t('field.level')} {...zc.item('level')}>
              <Select options={regionLevels.map((l) => ({ value: l, label: L.regionLevel(l) }))} />
            </Form.Item>
          </>
        )}
        <Form.Item name="name" label={t('field.name')} {...(editing ? zu : zc).item('name')}>
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
