// A published draw in public: its document, the download and the in-browser verification.
import { Link, useParams } from 'react-router';
import { Card, Space, Spin } from 'antd';
import { useT } from '../../../app/i18n.tsx';
import { usePublicDraw } from './api.ts';
import { DrawDocumentView } from '../../../components/DrawDocumentView.tsx';

export default function PublicDrawPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { data } = usePublicDraw(id);
  if (!data) return <Spin />;
  return (
    <Space vertical size="large" style={{ width: '100%' }}>
      <Link to="/public">{t('public.back')}</Link>
      <Card title={data.title}>
        <DrawDocumentView doc={data.document} />
      </Card>
    </Space>
  );
}
