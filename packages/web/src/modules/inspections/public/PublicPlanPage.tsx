// An approved annual plan in public: its themes with the counts per quarter, and its check items.
import { Link, useParams } from 'react-router';
import { Card, Space, Spin, Table } from 'antd';
import { useT } from '../../../app/i18n.tsx';
import { usePublicPlan } from './api.ts';

export default function PublicPlanPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { data } = usePublicPlan(id);
  if (!data) return <Spin />;
  const themeName = new Map(data.themes.map((x) => [x.id, x.name]));
  return (
    <Space vertical size="large" style={{ width: '100%' }}>
      <Link to="/public">{t('public.back')}</Link>
      <Card title={`${data.title}（${data.regionName}）`}>
        <p>{data.notes}</p>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          title={() => t('public.themes')}
          dataSource={data.themes}
          columns={[
            { title: t('public.themes'), dataIndex: 'name' },
            { title: t('draw.sourceDesc'), dataIndex: 'description' },
            {
              title: t('public.quarters'),
              dataIndex: 'quarterCounts',
              render: (q: number[]) => q.join(' / '),
            },
          ]}
        />
      </Card>
      <Card title={t('public.checkItems')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.checkItems}
          columns={[
            { title: t('public.category'), dataIndex: 'category' },
            { title: t('public.content'), dataIndex: 'content' },
            { title: t('public.basis'), dataIndex: 'basis' },
            {
              title: t('public.themes'),
              dataIndex: 'themeId',
              render: (v: number | null) => (v ? themeName.get(v) : t('public.allThemes')),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
