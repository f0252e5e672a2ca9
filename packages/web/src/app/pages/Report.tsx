// A monthly report with the problems raised from it (items) below its versions.
import ReportPage from '../../modules/reports/ReportPage.tsx';
import { ReportItems } from '../../modules/items/ReportItems.tsx';

export default function Report() {
  return <ReportPage side={(r) => <ReportItems {...r} />} />;
}
