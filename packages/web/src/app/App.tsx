// Root: providers (query cache, language, antd theme/locale) and the router with permission guards.
import { Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { hasPermission, type Permission, type Role } from '@ducha/contract';
import { I18nProvider, useI18n } from './i18n.tsx';
import { FullPageSpin, RequireAuth, useMe } from './auth.tsx';
import { appRoutes } from './routes.tsx';
import { MainLayout } from './MainLayout.tsx';
import { ForbiddenPage, NotFoundPage } from './ErrorPages.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { isApiError } from '../api/client.ts';
import { ME_KEY } from '../api/auth.ts';
import LoginPage from '../modules/account/LoginPage.tsx';
import { publicRoutes } from '../modules/inspections/routes-draws.tsx';
import { publicCreditRoute } from '../modules/assessment/routes-credit.tsx';

/** A session that expires mid-work (401 UNAUTHENTICATED) sends the user back to the login page. */
const onApiError = (err: unknown) => {
  if (isApiError(err) && err.status === 401 && err.code === 'UNAUTHENTICATED') {
    queryClient.setQueryData(ME_KEY, null);
  }
};
const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      retry: (n, e) => !(isApiError(e) && e.status > 0 && e.status < 500) && n < 2,
      staleTime: 10_000,
    },
  },
});

/** A route's permission and, when it names them, its roles: a page others could only 403 on is not opened. */
function Guard({
  permission,
  roles,
  children,
}: {
  permission?: Permission;
  roles?: readonly Role[];
  children: ReactNode;
}) {
  const me = useMe();
  return hasPermission(me, permission) && (!roles || roles.includes(me.role)) ? children : <ForbiddenPage />;
}

function Themed({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1f5fbf', borderRadius: 4 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Themed>
          <BrowserRouter>
            <ErrorBoundary>
              <Suspense fallback={<FullPageSpin />}>
                <Routes>
                  <Route path="/login" element={<LoginPage />} />
                  {/* 一公开: outside the login, its own layout */}
                  {publicRoutes(publicCreditRoute)}
                  <Route
                    element={
                      <RequireAuth>
                        <MainLayout />
                      </RequireAuth>
                    }
                  >
                    {appRoutes.map(({ path, permission, roles, Component }) => (
                      <Route
                        key={path}
                        path={path}
                        element={
                          <Guard permission={permission} roles={roles}>
                            <Component />
                          </Guard>
                        }
                      />
                    ))}
                    <Route path="*" element={<NotFoundPage />} />
                  </Route>
                </Routes>
              </Suspense>
            </ErrorBoundary>
          </BrowserRouter>
        </Themed>
      </I18nProvider>
    </QueryClientProvider>
  );
}
