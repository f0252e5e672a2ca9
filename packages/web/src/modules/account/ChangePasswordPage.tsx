// Change one's own password; users with an initial password are forced here until they do.
import { useNavigate } from 'react-router';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { changePasswordBody } from '@ducha/contract';
import { useChangePassword } from '../../api/auth.ts';
import { useMe } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { zodForm } from '../../components/zodForm.ts';
import { useApiError } from '../../components/useApiError.ts';

export default function ChangePasswordPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const change = useChangePassword();
  const onError = useApiError();
  const zf = zodForm(changePasswordBody, t('form.required'));

  const onFinish = async (values: Record<string, unknown>) => {
    const { confirm, ...rest } = values;
    const body = zf.parse(form, rest);
    if (!body) return;
    if (confirm !== body.newPassword) {
      form.setFields([{ name: 'confirm', errors: [t('password.mismatch')] }]);
      return;
    }
    try {
      await change.mutateAsync(body);
      message.success(t('password.changed'));
      form.resetFields();
      navigate('/', { replace: true });
    } catch (e) {
      onError(e, form);
    }
  };

  return (
    <Card title={t('menu.password')} variant="borderless" style={{ maxWidth: 560 }}>
      {me.mustChangePassword && (
        <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 24 }} />
      )}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="currentPassword" label={t('password.current')} {...zf.item('currentPassword')}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.rule')}
          {...zf.item('newPassword')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label={t('password.confirm')} required dependencies={['newPassword']}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('action.save')}
        </Button>
      </Form>
    </Card>
  );
}
