// The forms of evaluations and credit records: a quarterly evaluation (firm, quarter, check, project,
// optionally the inspection it rests on, score with the grade it will get and the record it will
// write), and a credit record by hand (its cause an inspection, an item, or a reason alone).
import { Alert, Form, Input, InputNumber, Select } from 'antd';
import {
  creditKindLabels,
  creditKinds,
  creditRecordCreate,
  evaluationCreate,
  evaluationGradeLabels,
  evaluationKindLabels,
  evaluationKinds,
  type Enterprise,
  type Item,
} from '@ducha/contract';
import type { z } from 'zod';
import { useCreateCreditRecord, useCreateEvaluation } from '../../../api/credit.ts';
import { useT } from '../../../app/i18n.tsx';
import { DateInput } from '../../../components/DateInput.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { ProjectSelect } from '../../../components/pickers.tsx';
import { RemoteSelect } from '../../../components/RemoteSelect.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { zodForm } from '../../../components/zodForm.ts';
import { gradePreview, quarterOf, recordOfGrade } from './creditView.ts';

type Inspection = { id: number; code: string; projectName: string };
const today = () => new Date().toISOString().slice(0, 10);

type Picker = { value?: number | null; onChange?: (v: number | null) => void; id?: string };
export const EnterpriseSelect = (p: Picker) => (
  <RemoteSelect<Enterprise>
    resource="enterprises"
    toOption={(e) => ({ value: e.id, label: e.unitName })}
    style={{ minWidth: 280 }}
    {...p}
  />
);
const InspectionSelect = (p: Picker) => (
  <RemoteSelect<Inspection>
    resource="inspections"
    toOption={(i) => ({ value: i.id, label: `${i.code} ${i.projectName}` })}
    {...p}
  />
);
const ItemSelect = (p: Picker) => (
  <RemoteSelect<Item>
    resource="items"
    toOption={(i) => ({ value: i.id, label: `${i.code} ${i.title}` })}
    {...p}
  />
);

export function EvaluationForm({ enterpriseId, onClose }: { enterpriseId?: number; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const save = useCreateEvaluation();
  const onError = useApiError();
  const zf = zodForm(evaluationCreate, t('form.required'));
  const score = Form.useWatch('score', form) as string | number | undefined;
  const grade = gradePreview(score);
  const submit = async () => {
    const v = form.getFieldsValue();
    const body = zf.parse(form, {
      ...v,
      score: v.score === undefined || v.score === null ? undefined : String(v.score),
    });
    if (!body) return;
    try {
      await save.mutateAsync(body as z.input<typeof evaluationCreate>);
      onClose();
    } catch (e) {
      onError(e, form, onClose);
    }
  };
  const d = today();
  const preview =
    grade &&
    t(
      recordOfGrade(grade) === 'good'
        ? 'credit.willGood'
        : recordOfGrade(grade) === 'bad'
          ? 'credit.willBad'
          : 'credit.willNone',
      {
        grade: evaluationGradeLabels[grade],
      },
    );
  return (
    <FormDrawer
      title={t('credit.evaluate')}
      onClose={onClose}
      onSave={submit}
      saving={save.isPending}
      testId="evaluation-save"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          enterpriseId,
          year: Number(d.slice(0, 4)),
          quarter: quarterOf(d),
          kind: 'random',
          evaluatedOn: d,
        }}
      >
        <Form.Item name="enterpriseId" label={t('credit.enterprise')} {...zf.item('enterpriseId')}>
          <EnterpriseSelect />
        </Form.Item>
        <Form.Item name="year" label={t('credit.year')} {...zf.item('year')}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="quarter" label={t('credit.quarter')} {...zf.item('quarter')}>
          <Select options={[1, 2, 3, 4].map((n) => ({ value: n, label: t('credit.quarterN', { n }) }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('credit.evalKind')} {...zf.item('kind')}>
          <Select options={evaluationKinds.map((k) => ({ value: k, label: evaluationKindLabels[k] }))} />
        </Form.Item>
        <Form.Item name="projectId" label={t('credit.project')} {...zf.item('projectId')}>
          <ProjectSelect />
        </Form.Item>
        <Form.Item name="inspectionId" label={t('credit.inspection')} extra={t('credit.inspectionHelp')}>
          <InspectionSelect />
        </Form.Item>
        <Form.Item name="score" label={t('credit.score')} {...zf.item('score')}>
          <Input inputMode="decimal" maxLength={6} data-testid="evaluation-score" />
        </Form.Item>
        {preview && (
          <Alert
            type={grade === 'fail' ? 'warning' : 'info'}
            showIcon
            title={preview}
            style={{ marginBottom: 16 }}
            data-testid="evaluation-preview"
          />
        )}
        <Form.Item name="evaluatedOn" label={t('credit.evaluatedOn')} {...zf.item('evaluatedOn')}>
          <DateInput />
        </Form.Item>
        <Form.Item name="notes" label={t('credit.notes')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

const causeKinds = ['manual', 'inspection', 'item'] as const;

export function RecordForm({ enterpriseId, onClose }: { enterpriseId?: number; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const save = useCreateCreditRecord();
  const onError = useApiError();
  const zf = zodForm(creditRecordCreate, t('form.required'));
  const cause = (Form.useWatch('causeKind', form) ?? 'manual') as (typeof causeKinds)[number];
  const submit = async () => {
    const v = form.getFieldsValue();
    const body = zf.parse(form, { ...v, causeId: cause === 'manual' ? null : (v.causeId ?? null) });
    if (!body) return;
    try {
      await save.mutateAsync(body);
      onClose();
    } catch (e) {
      onError(e, form, onClose);
    }
  };
  return (
    <FormDrawer
      title={t('credit.record')}
      onClose={onClose}
      onSave={submit}
      saving={save.isPending}
      testId="record-save"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ enterpriseId, kind: 'bad', causeKind: 'manual', recordedOn: today() }}
      >
        <Form.Item name="enterpriseId" label={t('credit.enterprise')} {...zf.item('enterpriseId')}>
          <EnterpriseSelect />
        </Form.Item>
        <Form.Item name="kind" label={t('credit.recordKind')} {...zf.item('kind')}>
          <Select options={creditKinds.map((k) => ({ value: k, label: creditKindLabels[k] }))} />
        </Form.Item>
        <Form.Item name="causeKind" label={t('credit.causeKind')} {...zf.item('causeKind')}>
          <Select options={causeKinds.map((k) => ({ value: k, label: t(`credit.cause.${k}`) }))} />
        </Form.Item>
        {cause !== 'manual' && (
          <Form.Item name="causeId" label={t('credit.cause')} required>
            {cause === 'inspection' ? <InspectionSelect /> : <ItemSelect />}
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('credit.reason')} {...zf.item('reason')}>
          <Input.TextArea rows={3} maxLength={500} data-testid="record-reason" />
        </Form.Item>
        <Form.Item name="recordedOn" label={t('credit.recordedOn')} {...zf.item('recordedOn')}>
          <DateInput />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
