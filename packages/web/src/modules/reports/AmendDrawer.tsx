// 更正: the office corrects a verified report; the correction is a new verified version with its reason.
import { App, Alert, Form, Input } from 'antd';
import { reportAmend } from '@ducha/contract';
import { useAmendReport, type ReportMonth } from '../../api/reports.ts';
import { useT } from '../../app/i18n.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { baseOf, defaultDateOf } from './ReportEditor.tsx';
import { ReportFields, bodyOf, markIssues, valuesOf, type ReportFormValues } from './ReportForm.tsx';

export function AmendDrawer({
  projectId,
  month,
  data,
  onClose,
}: {
  projectId: number;
  month: string;
  data: ReportMonth;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportFormValues & { reason?: string }>();
  const amend = useAmendReport();
  const onError = useApiError();
  const current = data.current;

  const submit = async () => {
    const ok = await form.validateFields().then(
      () => true,
      () => false,
    );
    const v = form.getFieldsValue(true) as ReportFormValues & { reason?: string };
    const fields = bodyOf(v);
    const parsed = reportAmend.safeParse({ ...fields, reason: v.reason ?? '' });
    if (!parsed.success) {
      markIssues(
        form,
        parsed.error.issues,
        { ...fields, reason: v.reason } as typeof fields,
        t('form.required'),
      );
      return;
    }
    if (!ok) return;
    try {
      await amend.mutateAsync({ projectId, month, ...parsed.data });
      message.success(t('report.amendedOk'));
      onClose();
    } catch (e) {
      onError(e, form, onClose);
    }
  };

  return (
    <FormDrawer
      title={t('report.amendTitle', { month })}
      size={900}
      onClose={onClose}
      onSave={submit}
      saving={amend.isPending}
      saveLabel={t('report.amendSave')}
      testId="report-amend-save"
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('report.amendHelp')} />
      <Form form={form} layout="vertical" initialValues={valuesOf(current, data.previous)}>
        <Form.Item
          name="reason"
          label={t('report.amendReason')}
          required
          rules={[{ required: true, whitespace: true, message: t('form.required') }]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        <ReportFields
          form={form}
          previous={data.previous}
          milestones={data.milestones}
          base={baseOf(data, month)}
          fundKeys={Object.keys(current?.fundsInPlace ?? {})}
          defaultDate={defaultDateOf(month)}
        />
      </Form>
    </FormDrawer>
  );
}
