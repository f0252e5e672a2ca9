// 项目库: projects in scope with filters, saved views, sorting by investment, Excel export/import, create.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { Project } from '@ducha/contract';
import { downloadFile, useProjects, type ProjectFilters } from '../../api/projects.ts';
import { useProjectStatuses } from '../../api/reports.ts';
import { ProjectStatusCell } from '../../components/LightTag.tsx';
import { useMe } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useTableState } from '../../components/useTableState.ts';
import { managerRoles } from '../../app/access.ts';
import { formatMoney } from '../../components/money.ts';
import { DictLabel, StageTag } from '../../components/pickers.tsx';
import { ProjectFilterControls, activeFilters, filtersFromView } from './ProjectFilters.tsx';
import { SavedViews } from '../../components/SavedViews.tsx';
import { ProjectForm } from './ProjectForm.tsx';

export function LeaderCell({ p }: { p: Project }) {
  const t = useT();
  const r = p.responsibility;
  if (!r.leaderPositionName) return <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>;
  return (
    <span>
      {r.leaderPositionName}
      <Typography.Text type="secondary">（{r.leaderName ?? t('position.vacant')}）</Typography.Text>
    </span>
  );
}

export default function ProjectsPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useApiError();
  const manager = managerRoles.includes(me.role);
  const table = useTableState<ProjectFilters>({});
  const query = useProjects(table.params);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const sort = table.state.filters.sort;
  // the page's rows only: each one's latest light and % complete in one request
  const statuses = useProjectStatuses(query.data?.items.map((p) => p.id) ?? []).data;

  const exportExcel = async () => {
    setExporting(true);
    try {
      await downloadFile(
        '/api/projects/export.xlsx',
        { ...activeFilters(table.state.filters), q: table.state.q || undefined },
        'projects.xlsx',
      );
      message.success(t('project.exported'));
    } catch (e) {
      onError(e);
    } finally {
      setExporting(false);
    }
  };

  const columns = [
    // code and name stay in view and long names are cut with a tooltip: the list fits 1440 px
    { title: t('project.code'), dataIndex: 'code', width: 120, fixed: 'left' as const },
    {
      title: t('field.name'),
      dataIndex: 'name',
      width: 200,
      fixed: 'left' as const,
      ellipsis: { showTitle: true },
      render: (name: string, p: Project) => (
        <Space size={4}>
          <Link to={`/projects/${p.id}`}>{name}</Link>
          {!p.active && <Tag>{t('status.inactive')}</Tag>}
        </Space>
      ),
    },
    { title: t('project.region'), dataIndex: 'regionName', width: 80 },
    {
      title: t('field.sector'),
      dataIndex: 'sector',
      width: 90,
      render: (v: string) => <DictLabel kind="sector" code={v} />,
    },
    {
      title: t('field.stage'),
      dataIndex: 'stage',
      width: 80,
      render: (_: unknown, p: Project) => <StageTag stage={p.stage} />,
    },
    {
      title: t('project.totalInvestmentWan'),
      dataIndex: 'totalInvestment',
      width: 120,
      align: 'right' as const,
      sorter: true,
      sortDirections: ['descend' as const, 'ascend' as const],
      sortOrder:
        sort === '-totalInvestment'
          ? ('descend' as const)
          : sort === 'totalInvestment'
            ? ('ascend' as const)
            : null,
      onHeaderCell: () => ({
        onClick: () =>
          table.setFilter({
            sort:
              sort === '-totalInvestment'
                ? 'totalInvestment'
                : sort === 'totalInvestment'
                  ? undefined
                  : '-totalInvestment',
          }),
      }),
      render: (v: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatMoney(v)}</span>,
    },
    {
      // the latest light and % complete side by side: what a leader scans the list for
      title: t('projectStatus.column'),
      key: 'status',
      width: 180,
      render: (_: unknown, p: Project) => (
        <Space size={4} wrap={false}>
          <ProjectStatusCell status={statuses?.get(p.id)} part="light" />
          <ProjectStatusCell status={statuses?.get(p.id)} part="percent" />
        </Space>
      ),
    },
    {
      title: t('project.responsibleUnit'),
      key: 'responsibleUnit',
      width: 160,
      ellipsis: { showTitle: true },
      render: (_: unknown, p: Project) => p.responsibility.responsibleUnitName ?? '-',
    },
    {
      title: t('project.leader'),
      key: 'leader',
      width: 160,
      ellipsis: { showTitle: true },
      render: (_: unknown, p: Project) => <LeaderCell p={p} />,
    },
  ];

  return (
    <ListPage<Project, ProjectFilters>
      title={t('menu.projects')}
      create={manager && { label: t('project.create'), onClick: () => setCreating(true) }}
      testId="project"
      table={table}
      query={query}
      searchPlaceholder={t('project.search')}
      filters={
        <>
          <ProjectFilterControls table={table} />
          <SavedViews
            page="projects"
            current={activeFilters(table.state.filters)}
            onApply={(q) => table.setFilter(filtersFromView(q))}
          />
          <Button
            icon={<DownloadOutlined />}
            onClick={exportExcel}
            loading={exporting}
            data-testid="project-export"
          >
            {t('project.export')}
          </Button>
          {manager && (
            <Button icon={<UploadOutlined />} onClick={() => navigate('/projects/import')}>
              {t('project.import')}
            </Button>
          )}
        </>
      }
      columns={columns}
    >
      {creating && (
        <ProjectForm
          editing={null}
          onClose={() => setCreating(false)}
          onSaved={(p) => navigate(`/projects/${p.id}`)}
        />
      )}
    </ListPage>
  );
}
