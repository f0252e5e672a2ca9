// 信息公开 home: the approved annual plans, the published draws and the results notices.
import { Link } from 'react-router';
import { Card, List, Space, Table, Tag } from 'antd';
import type { PublicResult } from '@ducha/contract';
import { useT } from '../../../app/i18n.tsx';
import { useLabels } from '../../../app/labels.ts';
import { usePublicDraws, usePublicPlans, usePublicResults } from './api.ts';

export default function PublicHome() {
  const t = useT();
  const L = useLabels();
  const plans = usePublicPlans();
  const draws = usePublicDraws();
  const results = usePublicResults();
  return (
    <Space vertical size="large" style={{ width: '100%' }}>
      <Card title={t('public.plans')}>
        <List
          loading={plans.isLoading}
          locale={{ emptyText: t('public.empty') }}
          dataSource={plans.data?.items ?? []}
          renderItem={(p) => (
            <List.Item>
              <Link to={`/public/plans/${p.id}`}>{p.title}</Link>（{p.regionName}，
              {p.themes.map((x) => x.name).join('、')}）
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('public.draws')}>
        <List
          loading={draws.isLoading}
          locale={{ emptyText: t('public.empty') }}
          dataSource={draws.data?.items ?? []}
          renderItem={(d) => (
            <List.Item>
              <Link to={`/public/draws/${d.id}`}>{d.title}</Link>
              <span>
                {d.regionName} <Tag>{L.drawStatus(d.status)}</Tag>
              </span>
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('public.results')}>
        <Table<PublicResult>
          rowKey="id"
          size="small"
          loading={results.isLoading}
          locale={{ emptyText: t('public.empty') }}
          dataSource={results.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('public.code'), dataIndex: 'code' },
            { title: t('public.project'), key: 'p', render: (_, r) => `${r.projectCode} ${r.projectName}` },
            { title: t('public.themes'), dataIndex: 'themeName' },
            { title: t('draw.siteOn'), dataIndex: 'siteOn' },
            { title: t('public.problems'), dataIndex: 'problems' },
            { title: t('public.suggestions'), dataIndex: 'suggestions' },
            { title: t('public.rectification'), dataIndex: 'rectification' },
            { title: t('public.summary'), dataIndex: 'summary' },
          ]}
        />
      </Card>
    </Space>
  );
}
