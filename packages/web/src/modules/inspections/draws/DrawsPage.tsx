// 双随机抽取: the draws of the office's and leaders' regions; the office drafts a new one here.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Table, Tag, Typography } from 'antd';
import type { DrawDetail, DrawSummary } from '@ducha/contract';
import { useCan } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { useLabels } from '../../../app/labels.ts';
import { PageCard } from '../../../components/StatusTag.tsx';
import { useCreateDraw, useDraws, type DrawBody } from './api.ts';
import { DrawForm } from './DrawForm.tsx';

export default function DrawsPage() {
  const t = useT();
  const L = useLabels();
  const can = useCan();
  const nav = useNavigate();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const { data, isLoading } = useDraws({ page, pageSize: 20 });
  const create = useCreateDraw();
  const normalize = (b: DrawBody): DrawBody => ({
    ...b,
    projects: b.projects.map((p) => ({ ...p, projectIds: p.projectIds.map(Number) })),
  });
  return (
    <PageCard
      title={t('menu.draws')}
      extra={
        can('inspection.write') && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('draw.new')}
          </Button>
        )
      }
    >
      <Table<DrawSummary>
        rowKey="id"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={{ current: page, total: data?.total ?? 0, pageSize: 20, onChange: setPage }}
        columns={[
          {
            title: t('draw.title'),
            dataIndex: 'title',
            render: (v, r) => <Link to={`/draws/${r.id}`}>{v}</Link>,
          },
          { title: t('draw.region'), dataIndex: 'regionName' },
          { title: t('draw.year'), dataIndex: 'planYear' },
          {
            title: t('draw.status'),
            dataIndex: 'status',
            render: (s: DrawSummary['status']) => <Tag>{L.drawStatus(s)}</Tag>,
          },
          {
            title: t('draw.sha'),
            dataIndex: 'poolSha256',
            render: (h: string | null) => h && <Typography.Text code>{h.slice(0, 16)}…</Typography.Text>,
          },
        ]}
      />
      <DrawForm
        open={open}
        withPlan
        onCancel={() => setOpen(false)}
        onSubmit={async (b) => {
          const d = (await create.mutateAsync(normalize(b))) as DrawDetail;
          setOpen(false);
          nav(`/draws/${d.id}`);
        }}
      />
    </PageCard>
  );
}
