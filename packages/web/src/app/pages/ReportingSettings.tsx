// 填报与亮灯规则: the reporting calendar (reports) with the light rules (lights) of the same region and year.
import SettingsPage from '../../modules/reports/SettingsPage.tsx';
import { LightRulesCard } from '../../modules/lights/LightRulesCard.tsx';

export default function ReportingSettings() {
  return <SettingsPage lightRules={(scope) => <LightRulesCard {...scope} />} />;
}
