// 工期甘特图: milestones of the filtered projects for a plan year (the first 50 projects), from their plans.
import { useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { Alert, Empty, Select, Space, Spin, Typography } from 'antd';
import type { AnnualPlan } from '@ducha/contract';
import { api } from '../../api/client.ts';
import { useProjects, type ProjectFilters } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { ListToolbar } from '../../components/ListPage.tsx';
import { PageCard } from '../../components/StatusTag.tsx';
import { useTableState } from '../../components/useTableState.ts';
import { ProjectFilterControls } from './ProjectFilters.tsx';
import { GanttChart, GanttLegend, type GanttRow } from './GanttChart.tsx';

const CAP = 50;

export default function GanttPage() {
  const t = useT();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const table = useTableState<ProjectFilters>({});
  const projects = useProjects({ ...table.params, page: 1, pageSize: CAP });
  const items = projects.data?.items ?? [];
  const plans = useQueries({
    queries: items.map((p) => ({
      queryKey: ['projects', 'plans', p.id, year],
      queryFn: () => api.get<AnnualPlan[]>(`/api/projects/${p.id}/plans`, { year }),
    })),
  });
  const rows: GanttRow[] = items.map((project, i) => {
    const q = plans[i];
    const list = q?.data ?? [];
    return {
      project,
      plan: list.find((x) => x.status === 'approved') ?? list.find((x) => x.status === 'draft') ?? null,
      loading: !!q?.isLoading,
    };
  });
  const total = projects.data?.total ?? 0;

  return (
    <PageCard
      title={t('menu.gantt')}
      extra={
        <Space>
          <Typography.Text>{t('plan.year')}</Typography.Text>
          <Select
            value={year}
            onChange={setYear}
            style={{ width: 120 }}
            options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({
              value: y,
              label: t('project.yearN', { year: y }),
            }))}
            data-testid="gantt-year"
          />
        </Space>
      }
    >
      <ListToolbar searchPlaceholder={t('project.search')} onSearch={table.setQ}>
        <ProjectFilterControls table={table} />
      </ListToolbar>
      <Space vertical style={{ width: '100%' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <GanttLegend />
          <Typography.Text type="secondary">{t('gantt.planNote')}</Typography.Text>
        </Space>
        {total > CAP && <Alert type="warning" showIcon title={t('gantt.capped', { cap: CAP, total })} />}
        {projects.isLoading ? (
          <Spin style={{ display: 'block', margin: '48px auto' }} />
        ) : items.length === 0 ? (
          <Empty description={t('gantt.empty')} />
        ) : (
          <GanttChart rows={rows} year={year} />
        )}
      </Space>
    </PageCard>
  );
}
