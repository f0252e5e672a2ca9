// The ledger's dialogs: a manual award or penalty (pending until someone else approves it), the
// decision on a manual row or an exemption (approve or reject, with a note), and asking an exemption.
import { useState } from 'react';
import { App, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { exemptionRequest, manualRowCreate, rowDecision, type ScoreRow } from '@ducha/contract';
import {
  useAskExemption,
  useCreateManualRow,
  useDecideExemption,
  useDecideRow,
} from '../../../api/assessment.ts';
import { useT } from '../../../app/i18n.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { RegionSelect } from '../../../components/RegionSelect.tsx';
import { UnitSelect } from '../../../components/RemoteSelect.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { zodForm } from '../../../components/zodForm.ts';
import { signedPoints } from './logic.ts';
import { useScoreLabels } from './parts.tsx';

interface ManualValues {
  regionCode?: string;
  year?: number;
  month?: number;
  unitId?: number;
  rule?: 'manual_award' | 'manual_penalty';
  points?: string;
  reason?: string;
}

export function ManualRowForm({ initial, onClose }: { initial: ManualValues; onClose: () => void }) {
  const t = useT();
  const labels = useScoreLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<ManualValues>();
  const create = useCreateManualRow();
  const onError = useApiError();
  const zf = zodForm(manualRowCreate, t('form.required'));
  const regionCode = Form.useWatch('regionCode', form);
  const submit = async () => {
    const v = await form.validateFields();
    const body = zf.parse(form, { ...v });
    if (body)
      create.mutate(body, {
        onSuccess: () => {
          message.success(t('score.manualSaved'));
          onClose();
        },
        onError: (e) => onError(e, form),
      });
  };
  return (
    <FormDrawer
      title={t('score.manualCreate')}
      onClose={onClose}
      onSave={submit}
      saving={create.isPending}
      testId="manual-save"
    >
      <Typography.Paragraph type="secondary">{t('score.manualHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ rule: 'manual_award', ...initial }}>
        <Form.Item name="regionCode" label={t('field.region')} {...zf.item('regionCode')}>
          <RegionSelect />
        </Form.Item>
        <Form.Item name="year" label={t('score.year')} {...zf.item('year')}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="month" label={t('score.month')} {...zf.item('month')}>
          <Select
            options={Array.from({ length: 12 }, (_, i) => ({
              value: i + 1,
              label: t('score.monthN', { n: i + 1 }),
            }))}
            style={{ width: 120 }}
            data-testid="manual-month"
          />
        </Form.Item>
        <Form.Item name="unitId" label={t('field.unit')} {...zf.item('unitId')}>
          <UnitSelect regionCode={regionCode} />
        </Form.Item>
        <Form.Item name="rule" label={t('score.rule')} {...zf.item('rule')}>
          <Radio.Group
            options={(['manual_award', 'manual_penalty'] as const).map((r) => ({
              value: r,
              label: labels.rule(r),
            }))}
          />
        </Form.Item>
        <Form.Item name="points" label={t('score.pointsSize')} {...zf.item('points')}>
          <Input style={{ width: 160 }} data-testid="manual-points" />
        </Form.Item>
        <Form.Item name="reason" label={t('score.reason')} {...zf.item('reason')}>
          <Input.TextArea rows={3} maxLength={500} data-testid="manual-reason" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** Approve or reject a pending manual row (`exemption` false) or a requested exemption. */
export function DecisionModal({
  row,
  exemption,
  onClose,
}: {
  row: ScoreRow;
  exemption: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const labels = useScoreLabels();
  const { message } = App.useApp();
  const onError = useApiError();
  const decideRow = useDecideRow();
  const decideExemption = useDecideExemption();
  const m = exemption ? decideExemption : decideRow;
  const [approve, setApprove] = useState(true);
  const [note, setNote] = useState('');
  const ok = () => {
    const body = rowDecision.safeParse({ version: row.version, approve, note });
    if (!body.success) return message.error(body.error.issues[0]?.message);
    m.mutate(
      { id: row.id, ...body.data },
      {
        onSuccess: () => {
          message.success(t(approve ? 'score.approved' : 'score.rejected'));
          onClose();
        },
        onError: (e) => onError(e, undefined, onClose),
      },
    );
  };
  return (
    <Modal
      open
      title={exemption ? t('score.decideExemption') : t('score.decide')}
      onOk={ok}
      onCancel={onClose}
      confirmLoading={m.isPending}
      okButtonProps={{ 'data-testid': 'decision-ok' }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {row.unitName} · {labels.rule(row.rule)} · {signedPoints(row.points)}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {exemption ? t('score.exemptionReason', { reason: row.exemption?.reason ?? '' }) : row.reason}
      </Typography.Paragraph>
      <Radio.Group
        value={approve}
        onChange={(e) => setApprove(e.target.value as boolean)}
        options={[
          { value: true, label: t('score.approve') },
          { value: false, label: t('score.reject') },
        ]}
        data-testid="decision-approve"
      />
      <Input.TextArea
        style={{ marginTop: 12 }}
        rows={3}
        maxLength={500}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('score.decisionNote')}
        data-testid="decision-note"
      />
    </Modal>
  );
}

export function ExemptionModal({ row, onClose }: { row: ScoreRow; onClose: () => void }) {
  const t = useT();
  const labels = useScoreLabels();
  const { message } = App.useApp();
  const onError = useApiError();
  const ask = useAskExemption();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ok = () => {
    const body = exemptionRequest.safeParse({ version: row.version, reason });
    if (!body.success) return setError(body.error.issues[0]?.message ?? t('form.required'));
    ask.mutate(
      { id: row.id, ...body.data },
      {
        onSuccess: () => {
          message.success(t('score.exemptionAsked'));
          onClose();
        },
        onError: (e) => onError(e, undefined, onClose),
      },
    );
  };
  return (
    <Modal
      open
      title={t('score.askExemption')}
      onOk={ok}
      onCancel={onClose}
      confirmLoading={ask.isPending}
      okButtonProps={{ 'data-testid': 'exemption-ok' }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {row.unitName} · {labels.rule(row.rule)} · {signedPoints(row.points)}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('score.exemptionHelp')}</Typography.Paragraph>
      <Input.TextArea
        rows={3}
        maxLength={500}
        value={reason}
        status={error ? 'error' : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setError(null);
        }}
        placeholder={t('score.exemptionReasonPh')}
        data-testid="exemption-reason"
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Modal>
  );
}
