// 项目详情 with the tabs other modules add to it: 月报 and 亮灯与投资 (reports), 督办事项 (items, for those who read items).
import ProjectDetailPage, { type ProjectTab } from '../../modules/projects/ProjectDetailPage.tsx';
import { ProjectReportsTab } from '../../modules/reports/ProjectReportsTab.tsx';
import { ProgressTab } from '../../modules/reports/ProgressTab.tsx';
import { ProjectItemsTab } from '../../modules/items/ProjectItemsTab.tsx';
import { useCan } from '../auth.tsx';
import { useT } from '../i18n.tsx';

export default function ProjectDetail() {
  const t = useT();
  const can = useCan();
  const tabs: ProjectTab[] = [
    { key: 'reports', label: t('project.tab.reports'), render: (p) => <ProjectReportsTab p={p} /> },
    { key: 'progress', label: t('project.tab.progress'), render: (p) => <ProgressTab p={p} /> },
  ];
  if (can('item.read'))
    tabs.push({ key: 'items', label: t('project.tab.items'), render: (p) => <ProjectItemsTab p={p} /> });
  return <ProjectDetailPage tabs={tabs} />;
}
