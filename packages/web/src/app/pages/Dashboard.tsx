// The 驾驶舱, with a leader's instructions (批示) and their state first: where a leader lands.
import DashboardPage from '../../modules/dashboard/DashboardPage.tsx';
import { WorkCard } from '../../modules/home/WorkCard.tsx';
import { useMe } from '../auth.tsx';
import { useT } from '../i18n.tsx';

export default function Dashboard() {
  const me = useMe();
  const t = useT();
  return <DashboardPage cards={me.role === 'leader' ? <WorkCard title={t('work.instructions')} /> : null} />;
}
