// 项目详情: header with code, stage and investment, and tabs (概况, 责任分工, 计划与节点, 前期手续, then the tabs
// other modules add — 月报, 亮灯与投资, 督办事项, given by the route — then 名单, 变更记录).
import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, Card, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { Project } from '@ducha/contract';
import { useProject } from '../../api/projects.ts';
import { useProjectStatuses } from '../../api/reports.ts';
import { ProjectStatusCell } from '../../components/LightTag.tsx';
import { isApiError } from '../../api/client.ts';
import { useT } from '../../app/i18n.tsx';
import { AuditTimeline } from '../../components/AuditTimeline.tsx';
import { useProjectAccess } from './access.ts';
import { formatMoney } from '../../components/money.ts';
import { DictLabel, StageTag } from '../../components/pickers.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { ResponsibilityTab } from './ResponsibilityTab.tsx';
import { PlansTab } from './PlansTab.tsx';
import { ProceduresTab } from './ProceduresTab.tsx';
import { MembershipTab } from './MembershipTab.tsx';

/** A tab of the project page that another module provides (placed after 前期手续, before 名单). */
export interface ProjectTab {
  /** The tab's key, also its `?tab=` value. */
  key: string;
  label: ReactNode;
  render: (p: Project) => ReactNode;
}

export interface ProjectDetailPageProps {
  /** Other modules' tabs, in order; the route (app/) leaves out those the user may not see. */
  tabs?: readonly ProjectTab[];
}

export default function ProjectDetailPage({ tabs = [] }: ProjectDetailPageProps) {
  const t = useT();
  const id = Number(useParams().id);
  const [search, setSearch] = useSearchParams();
  const { data: p, isLoading, error } = useProject(Number.isInteger(id) && id > 0 ? id : null);
  const access = useProjectAccess(p);
  const status = useProjectStatuses(p ? [p.id] : []).data?.get(p?.id ?? 0);

  if (!Number.isInteger(id) || id <= 0 || (isApiError(error) && error.status === 404))
    return (
      <Result
        status="404"
        title={t('project.notFound')}
        extra={<Link to="/projects">{t('project.back')}</Link>}
      />
    );
  if (isApiError(error) && error.status === 403)
    return (
      <Result status="403" title={error.message} extra={<Link to="/projects">{t('project.back')}</Link>} />
    );
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (isLoading || !p) return <Skeleton active paragraph={{ rows: 8 }} />;

  const items = [
    { key: 'overview', label: t('project.tab.overview'), children: <OverviewTab p={p} access={access} /> },
    {
      key: 'responsibility',
      label: t('project.tab.responsibility'),
      children: <ResponsibilityTab p={p} access={access} />,
    },
    { key: 'plans', label: t('project.tab.plans'), children: <PlansTab p={p} access={access} /> },
    {
      key: 'procedures',
      label: t('project.tab.procedures'),
      children: <ProceduresTab p={p} access={access} />,
    },
    ...tabs.map(({ key, label, render }) => ({ key, label, children: render(p) })),
    { key: 'lists', label: t('project.tab.lists'), children: <MembershipTab p={p} /> },
    {
      key: 'audit',
      label: t('project.tab.audit'),
      children: <AuditTimeline entity="project" id={String(p.id)} />,
    },
  ];
  const tab = items.find((i) => i.key === search.get('tab'))?.key ?? 'overview';

  return (
    <Card variant="borderless" data-testid="project-detail">
      <Space vertical size={4} style={{ width: '100%', marginBottom: 8 }}>
        <Link to="/projects">
          <ArrowLeftOutlined /> {t('menu.projects')}
        </Link>
        <Space wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {p.name}
          </Typography.Title>
          <StageTag stage={p.stage} />
          {!p.active && <Tag>{t('status.inactive')}</Tag>}
          <ProjectStatusCell status={status} part="light" />
          {status?.percentComplete != null && (
            <Typography.Text type="secondary">
              {t('projectStatus.percent')} <ProjectStatusCell status={status} part="percent" />
            </Typography.Text>
          )}
        </Space>
        <Typography.Text type="secondary">
          {p.code} · {p.regionName} · <DictLabel kind="sector" code={p.sector} /> ·{' '}
          {t('project.totalInvestmentWan')} {formatMoney(p.totalInvestment)}
        </Typography.Text>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(k) => setSearch(k === 'overview' ? {} : { tab: k }, { replace: true })}
        items={items}
        destroyOnHidden
      />
    </Card>
  );
}
