// Sign-in page: username and password; the API's message (wrong password, lockout) is shown as is.
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { loginBody } from '@ducha/contract';
import { useLogin, useMeQuery } from '../../api/auth.ts';
import { useI18n } from '../../app/i18n.tsx';
import { safeNext } from '../../app/auth.tsx';
import { zodForm } from '../../components/zodForm.ts';
import { formatDateTime } from '../../components/format.ts';
import { isApiError } from '../../api/client.ts';

export default function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const login = useLogin();
  const { data: me } = useMeQuery();
  const [error, setError] = useState<string | null>(null);
  const zf = zodForm(loginBody, t('form.required'));
  const next = safeNext(params.get('next'));

  // where a signed-in user goes: a leader lands on the 驾驶舱 unless the address asked for a page
  const landing = (who: { role: string; mustChangePassword: boolean }) =>
    who.mustChangePassword ? '/me/password' : next === '/' && who.role === 'leader' ? '/dashboard' : next;

  if (me && !login.isPending) return <Navigate to={landing(me)} replace />;

  const onFinish = async (values: Record<string, unknown>) => {
    const body = zf.parse(form, values);
    if (!body) return;
    setError(null);
    try {
      const who = await login.mutateAsync(body);
      navigate(landing(who), { replace: true });
    } catch (e) {
      const until = isApiError(e) && typeof e.body.lockedUntil === 'string' ? e.body.lockedUntil : null;
      const text = e instanceof Error ? e.message : String(e);
      setError(until ? `${text}（${t('login.lockedUntil', { time: formatDateTime(until) })}）` : text);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #1f5fbf 0%, #0d2c5c 100%)',
      }}
    >
      <Card style={{ width: 380 }} variant="borderless">
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <div style={{ textAlign: 'center' }}>
            <Typography.Title level={3} style={{ marginBottom: 4 }}>
              {t('app.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </div>
          {error && <Alert type="error" showIcon title={error} data-testid="login-error" />}
          <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
            <Form.Item name="username" {...zf.item('username')}>
              <Input
                prefix={<UserOutlined />}
                placeholder={t('field.username')}
                autoComplete="username"
                autoFocus
              />
            </Form.Item>
            <Form.Item name="password" {...zf.item('password')}>
              <Input.Password
                prefix={<LockOutlined />}
                placeholder={t('field.password')}
                autoComplete="current-password"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
          <div style={{ textAlign: 'center' }}>
            <Button type="link" size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
              {lang === 'zh' ? 'English' : '中文'}
            </Button>
            <div>
              <Link to="/public">{t('public.link')}</Link>
            </div>
          </div>
        </Space>
      </Card>
    </div>
  );
}
