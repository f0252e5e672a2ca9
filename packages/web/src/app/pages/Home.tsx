// The workbench with the unit's items to act on (items) below the welcome.
import HomePage from '../../modules/home/HomePage.tsx';
import { MyItemsCard } from '../../modules/items/MyItemsCard.tsx';

export default function Home() {
  return <HomePage cards={<MyItemsCard />} />;
}
