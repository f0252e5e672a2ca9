// "编辑计划草稿": annual amount, 12 months (pro rata in exact cents, live sum check), targets, milestones.
import { useState } from 'react';
import { Alert, Button, Col, Drawer, Form, Input, Row, Space, Typography } from 'antd';
import { CalculatorOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { planDraftInput, type AnnualPlan } from '@ducha/contract';
import { useSaveDraft } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { formatMoney, parseMoney, proRata, sumMoney } from '../../components/money.ts';

export interface PlanDraftFormProps {
  projectId: number;
  year: number;
  /** The year's draft, updated in place when there is one. */
  draft: AnnualPlan | null;
  /** The baseline in force: a new draft starts from it and must give a reason. */
  baseline: AnnualPlan | null;
  onClose: () => void;
  onSaved?: (plan: AnnualPlan) => void;
}

interface MilestoneRow {
  name?: string;
  plannedDate?: string | null;
  actualDate?: string | null;
}

const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === '';

function initialOf(from: AnnualPlan | null) {
  if (!from) return { months: Array<string>(12).fill(''), milestones: [] };
  return {
    plannedInvestment: from.plannedInvestment,
    months: from.monthly,
    physicalTarget: from.physicalTarget,
    targetStart: from.targetStart,
    targetCompletion: from.targetCompletion,
    targetProduction: from.targetProduction,
    milestones: from.milestones.map((m) => ({
      name: m.name,
      plannedDate: m.plannedDate,
      actualDate: m.actualDate,
    })),
    changeReason: from.status === 'draft' ? from.changeReason : null,
  };
}

export function PlanDraftForm({ projectId, year, draft, baseline, onClose, onSaved }: PlanDraftFormProps) {
  const t = useT();
  const [form] = Form.useForm();
  const save = useSaveDraft();
  const onError = useApiError();
  const [sumError, setSumError] = useState(false);
  const annualText = Form.useWatch('plannedInvestment', form) as string | undefined;
  const months = (Form.useWatch('months', form) as (string | undefined)[] | undefined) ?? [];
  const annual = parseMoney(annualText);
  const anyMonth = months.some((m) => !blank(m));
  const total = sumMoney(months);

  const spread = async () => {
    if (!annual || annual.isNegative()) {
      await form.validateFields(['plannedInvestment']).catch(() => undefined);
      return;
    }
    form.setFieldsValue({ months: proRata(annual.toFixed(2)) });
    setSumError(false);
  };

  const submit = async () => {
    const v = form.getFieldsValue(true);
    if (baseline && blank(v.changeReason)) {
      form.setFields([{ name: 'changeReason', errors: [t('plan.reasonRequired')] }]);
      return;
    }
    const body = {
      version: draft?.version,
      plannedInvestment: v.plannedInvestment ?? '',
      monthly: anyMonth ? (v.months as unknown[]).map((m) => (blank(m) ? '0' : String(m))) : undefined,
      physicalTarget: blank(v.physicalTarget) ? null : v.physicalTarget,
      targetStart: v.targetStart ?? null,
      targetCompletion: v.targetCompletion ?? null,
      targetProduction: v.targetProduction ?? null,
      milestones: ((v.milestones ?? []) as MilestoneRow[]).map((m) => ({
        name: m?.name ?? '',
        plannedDate: m?.plannedDate ?? '',
        actualDate: m?.actualDate ?? null,
      })),
      changeReason: blank(v.changeReason) ? null : v.changeReason,
    };
    const parsed = planDraftInput.safeParse(body);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => {
        const path = i.path.map((x) => (typeof x === 'symbol' ? String(x) : x));
        const name = path[0] === 'monthly' ? ['months', ...path.slice(1)] : path;
        const value = name.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], v);
        return { name, errors: [blank(value) ? t('form.required') : i.message] };
      });
      form.setFields(fields);
      return;
    }
    if (anyMonth && (!total || !annual || !total.equals(annual))) {
      setSumError(true);
      return;
    }
    try {
      const plan = await save.mutateAsync({ id: projectId, year, ...parsed.data });
      onSaved?.(plan);
      onClose();
    } catch (e) {
      onError(e, form, onClose);
    }
  };

  const sumOk = anyMonth && total && annual && total.equals(annual);
  return (
    <Drawer
      open
      size={860}
      title={t('plan.editDraftTitle', { year })}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" onClick={submit} loading={save.isPending} data-testid="plan-save">
            {t('plan.saveDraft')}
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={baseline ? t('plan.newVersionHelp', { n: baseline.baselineNo }) : t('plan.firstDraftHelp')}
      />
      <Form form={form} layout="vertical" initialValues={initialOf(draft ?? baseline)}>
        <Space align="end" wrap>
          <Form.Item
            name="plannedInvestment"
            label={t('plan.plannedInvestment')}
            required
            rules={[
              { required: true, message: t('form.required') },
              {
                validator: async (_r, x) => {
                  if (!blank(x) && !parseMoney(x)) throw new Error(t('plan.moneyInvalid'));
                },
              },
            ]}
          >
            <Input
              suffix={t('money.wan')}
              style={{ width: 220, textAlign: 'right' }}
              data-testid="plan-annual"
            />
          </Form.Item>
          <Form.Item>
            <Button icon={<CalculatorOutlined />} onClick={spread} data-testid="plan-prorata">
              {t('plan.proRata')}
            </Button>
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary">{t('plan.monthsHelp')}</Typography.Paragraph>
        <Row gutter={12}>
          {Array.from({ length: 12 }, (_, i) => (
            <Col xs={12} md={6} key={i}>
              <Form.Item
                name={['months', i]}
                label={t('plan.monthN', { m: i + 1 })}
                style={{ marginBottom: 8 }}
              >
                <Input style={{ textAlign: 'right' }} onChange={() => setSumError(false)} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {anyMonth && (
          <Alert
            style={{ marginBottom: 16 }}
            type={sumOk ? 'success' : sumError ? 'error' : 'warning'}
            showIcon
            data-testid="plan-sum-check"
            title={
              sumOk
                ? t('plan.sumOk', { annual: formatMoney(annual.toFixed(2)) })
                : total
                  ? t('plan.sumMismatch', {
                      total: formatMoney(total.toFixed(2)),
                      annual: annual ? formatMoney(annual.toFixed(2)) : '-',
                    })
                  : t('plan.moneyInvalid')
            }
          />
        )}
        <Form.Item name="physicalTarget" label={t('plan.physicalTarget')}>
          <Input.TextArea rows={2} maxLength={1000} showCount />
        </Form.Item>
        <Row gutter={12}>
          {(['targetStart', 'targetCompletion', 'targetProduction'] as const).map((f) => (
            <Col xs={24} md={8} key={f}>
              <Form.Item name={f} label={t(`plan.${f}`)}>
                <DateInput />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Typography.Title level={5}>{t('plan.milestones')}</Typography.Title>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }}>
                  <Typography.Text style={{ display: 'inline-block', width: 24, paddingTop: 5 }}>
                    {i + 1}
                  </Typography.Text>
                  <Form.Item name={[f.name, 'name']} style={{ marginBottom: 8 }}>
                    <Input placeholder={t('plan.milestoneName')} maxLength={100} style={{ width: 280 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'plannedDate']} style={{ marginBottom: 8 }}>
                    <DateInput placeholder={t('plan.plannedDate')} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'actualDate']} style={{ marginBottom: 8 }}>
                    <DateInput notAfterToday placeholder={t('plan.actualDate')} style={{ width: 160 }} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('action.remove')}
                  />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({})}
                block
                style={{ marginBottom: 16 }}
              >
                {t('plan.addMilestone')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item
          name="changeReason"
          label={t('plan.changeReason')}
          required={!!baseline}
          extra={baseline ? t('plan.reasonHelp') : undefined}
        >
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
