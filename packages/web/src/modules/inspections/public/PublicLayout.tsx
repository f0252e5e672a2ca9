// The public area (一公开): no login, its own simple layout; read-only pages of approved plans,
// published draws and results notices.
import { Link, Outlet } from 'react-router';
import { Layout, Space, Typography } from 'antd';
import { useT } from '../../../app/i18n.tsx';

export default function PublicLayout() {
  const t = useT();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#1f5fbf' }}>
        <Space size="large">
          <Link to="/public">
            <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
              {t('public.title')}
            </Typography.Text>
          </Link>
          <Link to="/public/enterprises" style={{ color: '#fff' }} data-testid="public-enterprises-link">
            {t('credit.publicLink')}
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, margin: '0 auto', width: '100%' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
