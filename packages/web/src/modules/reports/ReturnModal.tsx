// 退回: the office sends a submitted report back to its unit with a written reason.
import { App, Form, Input, Modal } from 'antd';
import { reportReturn, type MonthlyReport } from '@ducha/contract';
import { useReturnReport } from '../../api/reports.ts';
import { useT } from '../../app/i18n.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { zodForm } from '../../components/zodForm.ts';
import { monthOf } from '../../components/period.ts';

export function ReturnModal({ report, onClose }: { report: MonthlyReport; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const ret = useReturnReport();
  const onError = useApiError();
  const z = zodForm(reportReturn, t('form.required'));
  const submit = async () => {
    const body = z.parse(form, { ...form.getFieldsValue(), version: report.version });
    if (!body) return;
    try {
      await ret.mutateAsync({
        projectId: report.projectId,
        month: monthOf(report.year, report.month),
        ...body,
      });
      message.success(t('report.returnedOk'));
      onClose();
    } catch (e) {
      onError(e, form, onClose);
    }
  };
  return (
    <Modal
      open
      title={t('report.returnTitle', { name: report.projectName, month: monthOf(report.year, report.month) })}
      onCancel={onClose}
      onOk={submit}
      okText={t('report.return')}
      okButtonProps={{ danger: true, loading: ret.isPending, 'data-testid': 'report-return-ok' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('report.returnReason')} {...z.item('reason')}>
          <Input.TextArea rows={4} maxLength={500} showCount data-testid="report-return-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
