// Drawer to create a year's project list at one level, with its batch scheme ("3个30" or 四个一批).
import { Form, Input, InputNumber, Select } from 'antd';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { batchSchemes, listCreate, listLevels, type BatchScheme, type ProjectList } from '@ducha/contract';
import { useCreateList } from '../../api/projects.ts';
import { useMe } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { zodForm } from '../../components/zodForm.ts';

export function ListForm({ onClose, onSaved }: { onClose: () => void; onSaved?: (l: ProjectList) => void }) {
  const t = useT();
  const L = useLabels();
  const me = useMe();
  const [form] = Form.useForm();
  const create = useCreateList();
  const onError = useApiError();
  const zf = zodForm(listCreate, t('form.required'));

  const submit = async () => {
    const body = zf.parse(form, form.getFieldsValue());
    if (!body) return;
    try {
      const l = await create.mutateAsync(body);
      onSaved?.(l);
      onClose();
    } catch (e) {
      onError(e, form);
    }
  };

  const year = new Date().getFullYear();
  return (
    <FormDrawer
      size={480}
      title={t('list.create')}
      onClose={onClose}
      onSave={submit}
      saving={create.isPending}
      testId="list-save"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year, level: 'city', regionCode: me.regionCode, batchScheme: 'three_30' }}
      >
        <Form.Item name="year" label={t('list.year')} {...zf.item('year')}>
          <InputNumber min={2000} max={2100} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="level" label={t('list.level')} {...zf.item('level')}>
          <Select options={listLevels.map((l) => ({ value: l, label: L.listLevel(l) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('list.name')} {...zf.item('name')}>
          <Input maxLength={60} placeholder={t('list.namePlaceholder', { year })} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('field.region')} {...zf.item('regionCode')}>
          <RegionSelect />
        </Form.Item>
        <Form.Item name="batchScheme" label={t('list.batchScheme')} {...zf.item('batchScheme')}>
          <Select
            options={(Object.keys(batchSchemes) as BatchScheme[]).map((s) => ({
              value: s,
              label: `${L.batchScheme(s)}：${batchSchemes[s].map(L.batch).join(' / ')}`,
            }))}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
