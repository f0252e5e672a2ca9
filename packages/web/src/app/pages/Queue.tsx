// The verification queue, opened on the oldest month with reports waiting.
import QueuePage from '../../modules/reports/QueuePage.tsx';
import { OpenOnWork } from './OpenOnWork.tsx';

export default function Queue() {
  return (
    <OpenOnWork month={(w) => w.months.queue}>
      <QueuePage />
    </OpenOnWork>
  );
}
