// 逾期催报, opened on the month last due: the newest month whose deadline, by the user's region's
// calendar (holidays and the office's corrections included), has passed.
import OverduePage from '../../modules/reports/OverduePage.tsx';
import { OpenOnWork } from './OpenOnWork.tsx';

export default function Overdue() {
  return (
    <OpenOnWork month={(w) => w.months.lastDue}>
      <OverduePage />
    </OpenOnWork>
  );
}
