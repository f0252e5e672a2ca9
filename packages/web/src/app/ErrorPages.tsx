// 403 and 404 pages (antd Result) with a way back to the workbench.
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from './i18n.tsx';

export function ForbiddenPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <div data-testid="page-403">
      <Result
        status="403"
        title="403"
        subTitle={t('error.forbidden')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('action.backHome')}
          </Button>
        }
      />
    </div>
  );
}

export function NotFoundPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <div data-testid="page-404">
      <Result
        status="404"
        title="404"
        subTitle={t('error.notFound')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('action.backHome')}
          </Button>
        }
      />
    </div>
  );
}
