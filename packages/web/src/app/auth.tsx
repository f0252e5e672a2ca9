// The signed-in user: a gate that loads GET /api/auth/me, redirects to /login, and forces a password change.
import { createContext, useContext, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { hasPermission, type Me, type Permission } from '@ducha/contract';
import { useMeQuery } from '../api/auth.ts';
import { useT } from './i18n.tsx';

const MeContext = createContext<Me | null>(null);

/** The current user; only valid below <RequireAuth>. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside RequireAuth');
  return me;
}

/** Whether the current user holds a permission (for buttons and columns). */
export function useCan(): (p: Permission) => boolean {
  const me = useMe();
  return (p) => hasPermission(me, p);
}

export function FullPageSpin() {
  return (
    <div style={{ display: 'flex', height: '100vh', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const t = useT();
  const location = useLocation();
  const { data: me, isLoading, error, refetch } = useMeQuery();
  if (isLoading) return <FullPageSpin />;
  if (error)
    return (
      <Result
        status="500"
        title={t('error.loadMe')}
        subTitle={error.message}
        extra={<Button onClick={() => refetch()}>{t('action.retry')}</Button>}
      />
    );
  if (!me) {
    const next = location.pathname + location.search;
    const qs = next && next !== '/' ? `?next=${encodeURIComponent(next)}` : '';
    return <Navigate to={`/login${qs}`} replace />;
  }
  if (me.mustChangePassword && location.pathname !== '/me/password') {
    return <Navigate to="/me/password" replace />;
  }
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** Keeps only same-site paths as a post-login target. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}
