// The signed-in frame: side menu built from the route table, header with language and user menu; the
// user's pages (the same routes) for the pages below it.
import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Avatar, Button, Dropdown, Layout, Menu, Space, Spin, Tag, Typography, type MenuProps } from 'antd';
import {
  AimOutlined,
  FileTextOutlined,
  GlobalOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { allowedRoutes, menuGroups } from './routes.tsx';
import { PageLinksProvider } from './pageLinks.tsx';
import { useMe } from './auth.tsx';
import { useI18n } from './i18n.tsx';
import { useLabels } from './labels.ts';
import { useLogout } from '../api/auth.ts';
import { NotificationBell } from '../modules/notifications/NotificationBell.tsx';

type MenuItem = Required<MenuProps>['items'][number];

export function MainLayout() {
  const me = useMe();
  const { t, lang, setLang } = useI18n();
  const L = useLabels();
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);

  const allowed = useMemo(() => allowedRoutes(me), [me]);
  const menuItems = useMemo(() => {
    const items: MenuItem[] = [];
    const groups = new Map<string, MenuItem[]>();
    for (const r of allowed.filter((x) => x.menu)) {
      const item: MenuItem = { key: r.path, icon: r.icon, label: t(r.label) };
      if (!r.group) {
        items.push(item);
        continue;
      }
      let children = groups.get(r.group);
      if (!children) {
        children = [];
        groups.set(r.group, children);
        const g = menuGroups[r.group];
        items.push({ key: `group:${r.group}`, icon: g.icon, label: t(g.label), children });
      }
      children.push(item);
    }
    return items;
  }, [allowed, t]);

  // the menu entry of the current page: the longest menu path the location starts with
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const current = allowed
    .filter((r) => r.menu && (path === r.path || path.startsWith(`${r.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  const selected = current?.path ?? path;
  const openGroups = ['group:org', ...(current?.group ? [`group:${current.group}`] : [])];
  const userMenu: MenuProps['items'] = [
    {
      key: 'password',
      icon: <LockOutlined />,
      label: t('menu.password'),
      onClick: () => navigate('/me/password'),
    },
    ...(me.permissions.includes('token.own')
      ? [
          {
            key: 'tokens',
            icon: <KeyOutlined />,
            label: t('menu.tokens'),
            onClick: () => navigate('/me/tokens'),
          },
        ]
      : []),
    {
      key: 'docs',
      icon: <FileTextOutlined />,
      label: t('menu.apiDocs'),
      onClick: () => window.open('/api/docs', '_blank', 'noopener'),
    },
    {
      key: 'lang',
      icon: <GlobalOutlined />,
      label: t('menu.language'),
      children: [
        { key: 'lang-zh', label: '中文', onClick: () => setLang('zh') },
        { key: 'lang-en', label: 'English', onClick: () => setLang('en') },
      ],
    },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: t('menu.logout'),
      danger: true,
      onClick: () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) }),
    },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={220}
        data-testid="sider"
      >
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#fff',
          }}
        >
          <AimOutlined style={{ fontSize: 20, marginRight: collapsed ? 0 : 8 }} />
          {!collapsed && <strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>{t('app.name')}</strong>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          defaultOpenKeys={openGroups}
          items={menuItems}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('app.title')}
          </Typography.Text>
          <Space size="middle">
            <NotificationBell />
            <Button
              size="small"
              autoInsertSpace={false}
              onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
              data-testid="lang-toggle"
            >
              {lang === 'zh' ? 'English' : '中文'}
            </Button>
            <Dropdown menu={{ items: userMenu }} placement="bottomRight" trigger={['click']}>
              <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
                <Avatar size="small" icon={<UserOutlined />} />
                <span>{me.displayName}</span>
                <Tag color="blue">{L.role(me.role)}</Tag>
              </Space>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
            <PageLinksProvider value={allowed}>
              <Outlet />
            </PageLinksProvider>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
