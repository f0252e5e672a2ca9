// The light board, opened on the newest month closed for the user's region (or a region above it).
import LightsPage from '../../modules/lights/LightsPage.tsx';
import { OpenOnWork } from './OpenOnWork.tsx';

export default function Lights() {
  return (
    <OpenOnWork month={(w) => w.months.latestClose}>
      <LightsPage />
    </OpenOnWork>
  );
}
