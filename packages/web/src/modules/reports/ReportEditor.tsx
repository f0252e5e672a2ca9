// The editable monthly report: fields, attachments, and 保存草稿 / 报送 (报送 saves first, then submits).
// Files picked before the first save wait in the form and are uploaded right after the draft is
// saved; 报送 goes ahead only once every one of them is up. A fall against last month's report is
// pointed out and 报送 asks the filer to confirm it.
import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Divider, Form, Popconfirm, Space } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Decimal, reportDraft } from '@ducha/contract';
import {
  uploadAttachment,
  useSaveReportDraft,
  useSubmitReport,
  type ReportMonth,
} from '../../api/reports.ts';
import { useT, type TFunction } from '../../app/i18n.tsx';
import { todayInShanghai } from '../../components/format.ts';
import { formatMoney, parseMoney } from '../../components/money.ts';
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

/**
 * What falls against last month's report (submitted or verified): % complete, and the since-start
 * total (a negative month). Warnings, not errors: the filer confirms them when submitting.
 */
export function fallingWarnings(
  values: { investmentMonth?: string; percentComplete?: number | null },
  data: ReportMonth,
  base: { sinceStart: string },
  t: TFunction,
): string[] {
  const p = data.previous;
  if (!p || (p.status !== 'submitted' && p.status !== 'verified')) return [];
  const out: string[] = [];
  const pct = values.percentComplete;
  if (typeof pct === 'number' && p.percentComplete !== null && pct < p.percentComplete)
    out.push(t('report.falling.percent', { from: p.percentComplete, to: pct }));
  const month = parseMoney(values.investmentMonth);
  if (month) {
    const total = new Decimal(base.sinceStart).plus(month);
    if (total.lt(p.investmentSinceStart))
      out.push(
        t('report.falling.sinceStart', {
          from: formatMoney(p.investmentSinceStart),
          to: formatMoney(total.toFixed(2)),
        }),
      );
  }
  return out;
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
  const qc = useQueryClient();
  const [form] = Form.useForm<ReportFormValues>();
  const save = useSaveReportDraft();
  const submit = useSubmitReport();
  const current = data.current;
  const base = baseOf(data, month);
  // files picked before the first save; the ref is what the save's continuation reads
  const [pending, setPending] = useState<File[]>([]);
  const pendingRef = useRef<File[]>([]);
  const setQueue = (files: File[]) => {
    pendingRef.current = files;
    setPending(files);
  };
  const [uploading, setUploading] = useState(false);
  const watched = {
    investmentMonth: Form.useWatch('investmentMonth', form) as string | undefined,
    percentComplete: Form.useWatch('percentComplete', form) as number | null | undefined,
  };
  const warnings = fallingWarnings(watched, data, base, t);

  /** Uploads the waiting files to the saved report, one by one; false when one fails (it stays queued). */
  const uploadPending = async (reportId: number) => {
    let done = 0;
    setUploading(true);
    try {
      for (const file of [...pendingRef.current]) {
        try {
          await uploadAttachment(reportId, file);
        } catch (e) {
          message.error(t('report.pendingFailed', { name: file.name }));
          onError(e);
          return false;
        }
        done++;
        setQueue(pendingRef.current.filter((f) => f !== file));
      }
      return true;
    } finally {
      setUploading(false);
      if (done) {
        await qc.invalidateQueries({ queryKey: ['reports'] });
        message.success(t('report.pendingUploaded', { n: done }));
      }
    }
  };

  const saveDraft = async () => {
    const body = await collect(form, t('form.required'));
    if (!body) return null;
    let saved;
    try {
      saved = await save.mutateAsync({ projectId, month, ...body, version: current?.version });
    } catch (e) {
      onError(e, form);
      return null;
    }
    if (pendingRef.current.length && !(await uploadPending(saved.id))) return null;
    return saved;
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
  const busy = save.isPending || submit.isPending || uploading;

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={valuesOf(current, data.previous)}
      data-testid="report-form"
      disabled={busy}
    >
      <ReportFields
        form={form}
        previous={data.previous}
        milestones={data.milestones}
        base={base}
        fundKeys={Object.keys(current?.fundsInPlace ?? {})}
        defaultDate={defaultDateOf(month)}
      />
      <Divider />
      <Attachments
        report={current}
        editable
        pending={{
          files: pending,
          add: (f) => setQueue([...pendingRef.current, f]),
          remove: (f) => setQueue(pendingRef.current.filter((x) => x !== f)),
        }}
      />
      <Divider />
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="report-falling"
          title={t('report.falling.title')}
          description={warnings.map((w) => (
            <div key={w}>{w}</div>
          ))}
        />
      )}
      <Space>
        <Button
          icon={<SaveOutlined />}
          onClick={onSave}
          loading={save.isPending || uploading}
          data-testid="report-save"
        >
          {t('report.saveDraft')}
        </Button>
        <Popconfirm
          title={t('report.submitConfirm')}
          description={
            warnings.length || pending.length ? (
              <div style={{ maxWidth: 360 }} data-testid="report-submit-warnings">
                {warnings.length > 0 && <div>{t('report.falling.title')}</div>}
                {warnings.map((w) => (
                  <div key={w}>· {w}</div>
                ))}
                {pending.length > 0 && <div>{t('report.submitPending', { n: pending.length })}</div>}
              </div>
            ) : undefined
          }
          okText={warnings.length ? t('report.falling.confirm') : undefined}
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
