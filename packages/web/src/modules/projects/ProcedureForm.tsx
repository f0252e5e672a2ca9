// Drawer to add a procedure item (name, category, planned date, unit) or update one (status, dates, doc no.).
import { Form, Input, Select } from 'antd';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { procedureCreate, procedureStatuses, procedureUpdate, type Procedure } from '@ducha/contract';
import { useAddProcedure, useUpdateProcedure } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { UnitSelect, optionOf } from '../../components/RemoteSelect.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { zodForm } from '../../components/zodForm.ts';
import { DateInput } from '../../components/DateInput.tsx';

export interface ProcedureFormProps {
  projectId: number;
  editing: Procedure | null;
  onClose: () => void;
}

export function ProcedureForm({ projectId, editing, onClose }: ProcedureFormProps) {
  const t = useT();
  const L = useLabels();
  const [form] = Form.useForm();
  const add = useAddProcedure();
  const update = useUpdateProcedure();
  const onError = useApiError();
  const zc = zodForm(procedureCreate, t('form.required'));
  const zu = zodForm(procedureUpdate, t('form.required'));
  const status = Form.useWatch('status', form) as Procedure['status'] | undefined;

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
        await add.mutateAsync({ id: projectId, ...body });
      }
      onClose();
    } catch (e) {
      onError(e, form, onClose);
    }
  };

  const initial = editing
    ? {
        status: editing.status,
        plannedDate: editing.plannedDate,
        doneDate: editing.doneDate,
        docNo: editing.docNo,
        unitId: editing.unitId,
        note: editing.note,
      }
    : {};

  return (
    <FormDrawer
      size={480}
      title={editing ? t('procedure.edit', { name: editing.name }) : t('procedure.add')}
      onClose={onClose}
      onSave={submit}
      saving={add.isPending || update.isPending}
      testId="procedure-save"
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        {!editing && (
          <>
            <Form.Item name="name" label={t('procedure.name')} {...zc.item('name')}>
              <Input maxLength={100} placeholder={t('procedure.namePlaceholder')} />
            </Form.Item>
            <Form.Item name="category" label={t('procedure.category')} {...zc.item('category')}>
              <Input maxLength={30} />
            </Form.Item>
          </>
        )}
        {editing && (
          <Form.Item name="status" label={t('field.status')} {...zu.item('status')}>
            <Select options={procedureStatuses.map((s) => ({ value: s, label: L.procedureStatus(s) }))} />
          </Form.Item>
        )}
        <Form.Item name="plannedDate" label={t('procedure.plannedDate')} {...zc.item('plannedDate')}>
          <DateInput />
        </Form.Item>
        {editing && (
          <>
            <Form.Item
              name="doneDate"
              label={t('procedure.doneDate')}
              extra={t('procedure.doneHelp')}
              {...zu.item('doneDate')}
              required={status === 'done'}
            >
              <DateInput notAfterToday />
            </Form.Item>
            <Form.Item name="docNo" label={t('procedure.docNo')} {...zu.item('docNo')}>
              <Input maxLength={60} placeholder={t('project.docNoPlaceholder')} />
            </Form.Item>
          </>
        )}
        <Form.Item name="unitId" label={t('procedure.unit')} {...zc.item('unitId')}>
          <UnitSelect
            placeholder={t('common.none')}
            initialOptions={optionOf(editing?.unitId, editing?.unitName)}
          />
        </Form.Item>
        {editing && (
          <Form.Item name="note" label={t('procedure.note')} {...zu.item('note')}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
