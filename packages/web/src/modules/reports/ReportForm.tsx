// The monthly report's fields (used by the form and the amend drawer), each with last month's value beside it.
import type { ReactNode } from 'react';
import { Checkbox, Col, Descriptions, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { Decimal, reportDraft, type MonthlyReport } from '@ducha/contract';
import type { ReportMilestone } from '../../api/reports.ts';
import { useT } from '../../app/i18n.tsx';
import { zodForm } from '../../components/zodForm.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { useDictOptions } from '../../components/pickers.tsx';
import { formatMoney, parseMoney } from '../../components/money.ts';

export interface ReportFormValues {
  investmentMonth?: string;
  funds?: Record<string, string | undefined>;
  physicalProgress?: string;
  percentComplete?: number | null;
  landProgress?: string | null;
  ms?: Record<string, { on?: boolean; date?: string | null }>;
  problems?: string | null;
  nextMonthPlan?: string | null;
  signer?: string | null;
}

const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === '';
const orNull = (v: string | null | undefined) => (blank(v) ? null : (v as string).trim());

/** The form's values for a report (or a new one, with last month's signer). */
export function valuesOf(r: MonthlyReport | null, previous: MonthlyReport | null): ReportFormValues {
  if (!r) return { funds: {}, ms: {}, signer: previous?.signer ?? null };
  return {
    investmentMonth: r.investmentMonth,
    funds: { ...r.fundsInPlace },
    physicalProgress: r.physicalProgress,
    percentComplete: r.percentComplete,
    landProgress: r.landProgress,
    ms: Object.fromEntries(
      r.milestonesReached.map((m) => [String(m.milestoneId), { on: true, date: m.actualDate }]),
    ),
    problems: r.problems,
    nextMonthPlan: r.nextMonthPlan,
    signer: r.signer,
  };
}

/** The API body of the form's values (the report fields of reportDraft / reportAmend). */
export function bodyOf(v: ReportFormValues) {
  return {
    investmentMonth: blank(v.investmentMonth) ? '' : String(v.investmentMonth).trim(),
    fundsInPlace: Object.fromEntries(
      Object.entries(v.funds ?? {})
        .filter(([, x]) => !blank(x))
        .map(([k, x]) => [k, String(x).trim()]),
    ),
    physicalProgress: v.physicalProgress ?? '',
    percentComplete: v.percentComplete ?? null,
    landProgress: orNull(v.landProgress),
    milestonesReached: Object.entries(v.ms ?? {})
      .filter(([, m]) => m?.on)
      .map(([id, m]) => ({ milestoneId: Number(id), actualDate: m.date ?? '' })),
    problems: orNull(v.problems),
    nextMonthPlan: orNull(v.nextMonthPlan),
    signer: orNull(v.signer),
  };
}

/** Puts zod issues of the body back on the form's fields; `required` for empty required ones. */
export function markIssues(
  form: FormInstance,
  issues: { path: PropertyKey[]; message: string }[],
  body: ReturnType<typeof bodyOf>,
  required: string,
) {
  const fields = issues.map((i) => {
    const [head, a, b] = i.path.map((x) => (typeof x === 'symbol' ? String(x) : x));
    if (head === 'fundsInPlace') return { name: ['funds', String(a)], errors: [i.message] };
    if (head === 'milestonesReached') {
      const id = body.milestonesReached[Number(a)]?.milestoneId;
      const empty = b === 'actualDate' && !body.milestonesReached[Number(a)]?.actualDate;
      return { name: ['ms', String(id), 'date'], errors: [empty ? required : i.message] };
    }
    const value = (body as Record<string, unknown>)[String(head)];
    return { name: String(head), errors: [blank(value) ? required : i.message] };
  });
  form.setFields(fields);
}

/** Last month's value, beside a field. */
function Prev({ children }: { children: ReactNode }) {
  const t = useT();
  const empty = children === null || children === undefined || children === '' || children === false;
  return (
    <div style={{ paddingTop: 30, color: 'rgba(0,0,0,0.45)', fontSize: 13, whiteSpace: 'pre-wrap' }}>
      <Typography.Text type="secondary" strong>
        {t('report.lastMonth')}
      </Typography.Text>
      {empty ? '-' : children}
    </div>
  );
}

/** A field row: the input on the left, last month's value on the right. */
function Line({ prev, children }: { prev: ReactNode; children: ReactNode }) {
  return (
    <Row gutter={16}>
      <Col xs={24} md={16}>
        {children}
      </Col>
      <Col xs={24} md={8}>
        <Prev>{prev}</Prev>
      </Col>
    </Row>
  );
}

export interface ReportFieldsProps {
  form: FormInstance;
  previous: MonthlyReport | null;
  milestones: ReportMilestone[];
  /** This year's and since-start totals before this month (for the live preview). */
  base: { ytd: string; sinceStart: string };
  /** Current fund keys (kept when a source left the dictionary). */
  fundKeys: string[];
  /** The actual date offered when a milestone is ticked (the month's last day, or today). */
  defaultDate: string;
}

export function ReportFields({ form, previous, milestones, base, fundKeys, defaultDate }: ReportFieldsProps) {
  const t = useT();
  const z = zodForm(reportDraft, t('form.required'));
  const sources = useDictOptions('funding_source', fundKeys);
  const month = parseMoney(Form.useWatch('investmentMonth', form) as string | undefined);
  const ms = (Form.useWatch('ms', form) as ReportFormValues['ms']) ?? {};
  const plus = (b: string) => (month ? formatMoney(new Decimal(b).plus(month).toFixed(2)) : '-');
  const p = previous;
  return (
    <>
      <Line prev={p && formatMoney(p.investmentMonth)}>
        <Form.Item name="investmentMonth" label={t('report.investmentMonth')} {...z.item('investmentMonth')}>
          <Input
            suffix={t('money.wan')}
            style={{ maxWidth: 260, textAlign: 'right' }}
            data-testid="report-investment"
          />
        </Form.Item>
      </Line>
      <Line prev={p && `${formatMoney(p.investmentYtd)} / ${formatMoney(p.investmentSinceStart)}`}>
        <Descriptions size="small" column={2} style={{ marginBottom: 16 }} data-testid="report-preview">
          <Descriptions.Item label={t('report.investmentYtd')}>{plus(base.ytd)}</Descriptions.Item>
          <Descriptions.Item label={t('report.investmentSinceStart')}>
            {plus(base.sinceStart)}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginTop: -12, fontSize: 12 }}>
          {t('report.previewHelp')}
        </Typography.Paragraph>
      </Line>
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {t('report.fundsInPlace')}
      </Typography.Paragraph>
      <Row gutter={16} data-testid="report-funds">
        {sources.map((s) => (
          <Col xs={24} sm={12} lg={8} key={s.value}>
            <Form.Item
              name={['funds', s.value]}
              label={s.label}
              extra={
                p?.fundsInPlace[s.value]
                  ? `${t('report.lastMonth')}${formatMoney(p.fundsInPlace[s.value])}`
                  : undefined
              }
              style={{ marginBottom: 12 }}
            >
              <Input suffix={t('money.wan')} style={{ textAlign: 'right' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Line prev={p?.physicalProgress}>
        <Form.Item
          name="physicalProgress"
          label={t('report.physicalProgress')}
          {...z.item('physicalProgress')}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="report-progress" />
        </Form.Item>
      </Line>
      <Line prev={p?.percentComplete !== null && p?.percentComplete !== undefined && `${p.percentComplete}%`}>
        <Form.Item name="percentComplete" label={t('report.percentComplete')} {...z.item('percentComplete')}>
          <InputNumber min={0} max={100} precision={1} suffix="%" style={{ width: 160 }} />
        </Form.Item>
      </Line>
      <Line prev={p?.landProgress}>
        <Form.Item name="landProgress" label={t('report.landProgress')} {...z.item('landProgress')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Line>
      <Form.Item
        label={t('report.milestones')}
        extra={milestones.length ? undefined : t('report.noMilestones')}
      >
        <Space vertical style={{ width: '100%' }}>
          {milestones.map((m) => {
            const key = String(m.id);
            const doneBefore = !!m.actualDate && !ms[key]?.on;
            return (
              <Space key={m.id} wrap>
                <Form.Item name={['ms', key, 'on']} valuePropName="checked" noStyle>
                  <Checkbox
                    disabled={doneBefore}
                    onChange={(e) =>
                      e.target.checked &&
                      !ms[key]?.date &&
                      form.setFieldValue(['ms', key, 'date'], m.actualDate ?? defaultDate)
                    }
                  >
                    {m.name}
                  </Checkbox>
                </Form.Item>
                <Typography.Text type="secondary">
                  {doneBefore
                    ? t('report.milestoneDone', { date: m.actualDate ?? '' })
                    : t('report.milestonePlanned', { date: m.plannedDate })}
                </Typography.Text>
                {ms[key]?.on && (
                  <Form.Item name={['ms', key, 'date']} noStyle>
                    <DateInput notAfterToday placeholder={t('plan.actualDate')} style={{ width: 150 }} />
                  </Form.Item>
                )}
              </Space>
            );
          })}
        </Space>
      </Form.Item>
      <Line prev={p?.problems}>
        <Form.Item
          name="problems"
          label={t('report.problems')}
          extra={t('report.problemsHelp')}
          {...z.item('problems')}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Line>
      <Line prev={p?.nextMonthPlan}>
        <Form.Item name="nextMonthPlan" label={t('report.nextMonthPlan')} {...z.item('nextMonthPlan')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Line>
      <Line prev={p?.signer}>
        <Form.Item name="signer" label={t('report.signer')} {...z.item('signer')}>
          <Input maxLength={30} style={{ maxWidth: 260 }} data-testid="report-signer" />
        </Form.Item>
      </Line>
    </>
  );
}
