// 工期甘特图: milestones of every filtered project for a plan year, from its baseline in force (else its
// draft), in one request.
import { useState } from 'react';
import { Alert, Empty, Select, Space, Spin, Typography } from 'antd';
import { useGantt, type ProjectFilters } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { ListToolbar } from '../../components/ListPage.tsx';
import { PageCard } from '../../components/StatusTag.tsx';
import { useTableState } from '../../components/useTableState.ts';
import { ProjectFilterControls } from './ProjectFilters.tsx';
import { GanttChart, GanttLegend, type GanttRow } from './GanttChart.tsx';

export default function GanttPage() {
  const t = useT();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const table = useTableState<ProjectFilters>({});
  const { page: _page, pageSize: _size, ...filters } = table.params;
  const projects = useGantt(filters, year);
  const items = projects.data ?? [];
  const rows: GanttRow[] = items.map((r) => ({
    project: { id: r.projectId, code: r.code, name: r.name },
    plan: r.planStatus ? { status: r.planStatus, milestones: r.milestones } : null,
    loading: false,
  }));

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
        {projects.error && <Alert type="error" showIcon title={projects.error.message} />}
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
