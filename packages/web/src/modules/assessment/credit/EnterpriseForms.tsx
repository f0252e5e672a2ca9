// The directory's forms: admission or edit of a firm (a drawer), and the status change (暂停承接,
// 恢复, 清出, 重新入库) with its date and reason. Field errors from the contract's schemas, then the
// server's.
import { Form, Input, Modal, Select } from 'antd';
import {
  enterpriseCreate,
  enterpriseGradeLabels,
  enterpriseGrades,
  enterpriseKindLabels,
  enterpriseKinds,
  enterpriseStatusChange,
  enterpriseStatusLabels,
  enterpriseUpdate,
  type Enterprise,
} from '@ducha/contract';
import { enterpriseHooks, useChangeStatus } from '../../../api/credit.ts';
import { useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { DateInput } from '../../../components/DateInput.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { DictSelect } from '../../../components/pickers.tsx';
import { RegionSelect } from '../../../components/RegionSelect.tsx';
import { UnitSelect } from '../../../components/RemoteSelect.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { zodForm } from '../../../components/zodForm.ts';
import { statusTargets } from './creditView.ts';

const today = () => new Date().toISOString().slice(0, 10);

export function EnterpriseForm({ editing, onClose }: { editing: Enterprise | null; onClose: () => void }) {
  const t = useT();
  const me = useMe();
  const [form] = Form.useForm();
  const create = enterpriseHooks.useCreate();
  const update = enterpriseHooks.useUpdate();
  const onError = useApiError();
  const zc = zodForm(enterpriseCreate, t('form.required'));
  const zu = zodForm(enterpriseUpdate, t('form.required'));
  const z = editing ? zu : zc;
  const submit = async () => {
    const v = form.getFieldsValue();
    try {
      if (editing) {
        const body = zu.parse(form, {
          grade: v.grade ?? null,
          specialties: v.specialties ?? [],
          notes: v.notes ?? '',
          version: editing.version,
        });
        if (!body) return;
        await update.mutateAsync({ id: editing.id, ...body });
      } else {
        const body = zc.parse(form, { ...v, grade: v.grade ?? null, specialties: v.specialties ?? [] });
        if (!body) return;
        await create.mutateAsync(body);
      }
      onClose();
    } catch (e) {
      onError(e, form, onClose);
    }
  };
  const initial = editing
    ? { ...editing }
    : { regionCode: me.regionCode ?? undefined, kind: 'agent', admittedOn: today(), specialties: [] };
  return (
    <FormDrawer
      title={editing ? `${t('credit.edit')}：${editing.unitName}` : t('credit.admit')}
      onClose={onClose}
      onSave={submit}
      saving={create.isPending || update.isPending}
      testId="enterprise-save"
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        {!editing && (
          <>
            <Form.Item
              name="unitId"
              label={t('field.unit')}
              extra={t('credit.unitHelp')}
              {...zc.item('unitId')}
            >
              <UnitSelect />
            </Form.Item>
            <Form.Item name="regionCode" label={t('field.region')} {...zc.item('regionCode')}>
              <RegionSelect />
            </Form.Item>
            <Form.Item name="kind" label={t('credit.kind')} {...zc.item('kind')}>
              <Select options={enterpriseKinds.map((k) => ({ value: k, label: enterpriseKindLabels[k] }))} />
            </Form.Item>
            <Form.Item name="admittedOn" label={t('credit.admittedOn')} {...zc.item('admittedOn')}>
              <DateInput />
            </Form.Item>
          </>
        )}
        <Form.Item name="grade" label={t('credit.grade')}>
          <Select
            allowClear
            options={enterpriseGrades.map((g) => ({ value: g, label: enterpriseGradeLabels[g] }))}
          />
        </Form.Item>
        <Form.Item name="specialties" label={t('credit.specialties')} {...z.item('specialties')}>
          <DictSelect kind="enterprise_specialty" multiple />
        </Form.Item>
        <Form.Item name="notes" label={t('credit.notes')} {...z.item('notes')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

export function StatusModal({ firm, onClose }: { firm: Enterprise; onClose: () => void }) {
  const t = useT();
  const me = useMe();
  const [form] = Form.useForm();
  const change = useChangeStatus();
  const onError = useApiError();
  const zs = zodForm(enterpriseStatusChange, t('form.required'));
  const targets = statusTargets(firm.status, me.role);
  const submit = async () => {
    const body = zs.parse(form, { ...form.getFieldsValue(), version: firm.version });
    if (!body) return;
    try {
      await change.mutateAsync({ id: firm.id, ...body });
      onClose();
    } catch (e) {
      onError(e, form, onClose);
    }
  };
  return (
    <Modal
      open
      title={`${t('credit.changeStatus')}：${firm.unitName}`}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={change.isPending}
      okButtonProps={{ 'data-testid': 'enterprise-status-save', disabled: targets.length === 0 }}
      destroyOnHidden
    >
      {targets.length === 0 ? (
        t('credit.statusNoStep')
      ) : (
        <Form form={form} layout="vertical" initialValues={{ status: targets[0], on: today() }}>
          <Form.Item name="status" label={t('credit.statusTarget')} {...zs.item('status')}>
            <Select
              data-testid="enterprise-status-target"
              options={targets.map((s) => ({ value: s, label: enterpriseStatusLabels[s] }))}
            />
          </Form.Item>
          <Form.Item name="on" label={t('credit.statusOnDate')} {...zs.item('on')}>
            <DateInput />
          </Form.Item>
          <Form.Item name="reason" label={t('field.reason')} {...zs.item('reason')}>
            <Input.TextArea rows={3} maxLength={500} data-testid="enterprise-status-reason" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
