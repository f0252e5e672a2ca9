// The editable monthly report: fields, attachments, and 保存草稿 / 报送 (报送 saves first, then submits).
import { App, Button, Divider, Form, Popconfirm, Space } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Decimal, reportDraft } from '@ducha/contract';
import { useSaveReportDraft, useSubmitReport, type ReportMonth } from '../../api/reports.ts';
import { useT } from '../../app/i18n.tsx';
import { todayInShanghai } from '../../components/format.ts';
import { useApiError } from '../../components/useApiError.ts';
import { Attachments } from './Attachments.tsx';
import { ReportFields, bodyOf, markIssues, valuesOf, type ReportFormValues } from './ReportForm.tsx';
import { shiftMonth, splitMonth } from '../../components/period.ts';

/** This year's and since-start totals before this month: the server's, else last month's. */
export function baseOf(data: ReportMonth, month: string) {
  const c = data.current;
  if (c)
    return {
      ytd: new Decimal(c.investmentYtd).minus(c.investmentMonth).toFixed(2),
      sinceStart: new Decimal(c.investmentSinceStart).minus(c.investmentMonth).toFixed(2),
    };
  const p = data.previous;
  const firstMonth = splitMonth(month)[1] === 1;
  return { ytd: p && !firstMonth ? p.investmentYtd : '0', sinceStart: p?.investmentSinceStart ?? '0' };
}

/** The last day of the month, or today when the month is not over. */
export function defaultDateOf(month: string): string {
  const last = new Date(`${shiftMonth(month, 1)}-01T00:00:00Z`);
  last.setUTCDate(0);
  const end = last.toISOString().slice(0, 10);
  const today = todayInShanghai();
  return end < today ? end : today;
}

/** Validates the form; the checked draft body, or null with the fields marked. */
export async function collect(form: ReturnType<typeof Form.useForm<ReportFormValues>>[0], required: string) {
  const ok = await form.validateFields().then(
    () => true,
    () => false,
  );
  const fields = bodyOf(form.getFieldsValue(true) as ReportFormValues);
  const parsed = reportDraft.safeParse(fields);
  if (!parsed.success) {
    markIssues(form, parsed.error.issues, fields, required);
    return null;
  }
  return ok ? parsed.data : null;
}

export function ReportEditor({
  projectId,
  month,
  data,
}: {
  projectId: number;
  month: string;
  data: ReportMonth;
}) {
  const t = useT();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<ReportFormValues>();
  const save = useSaveReportDraft();
  const submit = useSubmitReport();
  const current = data.current;

  const saveDraft = async () => {
    const body = await collect(form, t('form.required'));
    if (!body) return null;
    try {
      return await save.mutateAsync({ projectId, month, ...body, version: current?.version });
    } catch (e) {
      onError(e, form);
      return null;
    }
  };
  const onSave = async () => {
    if (await saveDraft()) message.success(t('report.saved'));
  };
  const onSubmit = async () => {
    const saved = await saveDraft();
    if (!saved) return;
    try {
      await submit.mutateAsync({ projectId, month, version: saved.version });
      message.success(t('report.submittedOk'));
    } catch (e) {
      onError(e, form);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={valuesOf(current, data.previous)}
      data-testid="report-form"
      disabled={save.isPending || submit.isPending}
    >
      <ReportFields
        form={form}
        previous={data.previous}
        milestones={data.milestones}
        base={baseOf(data, month)}
        fundKeys={Object.keys(current?.fundsInPlace ?? {})}
        defaultDate={defaultDateOf(month)}
      />
      <Divider />
      <Attachments report={current} editable />
      <Divider />
      <Space>
        <Button icon={<SaveOutlined />} onClick={onSave} loading={save.isPending} data-testid="report-save">
          {t('report.saveDraft')}
        </Button>
        <Popconfirm
          title={t('report.submitConfirm')}
          onConfirm={onSubmit}
          okButtonProps={{ 'data-testid': 'report-submit-ok' }}
        >
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={submit.isPending}
            data-testid="report-submit"
          >
            {t('report.submit')}
          </Button>
        </Popconfirm>
      </Space>
    </Form>
  );
}
