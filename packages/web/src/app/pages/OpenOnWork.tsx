// A monthly page opens on the month that has work: without ?month= in the address it waits for the
// workbench and opens the month it names (the queue: the oldest month with reports waiting; the
// light board: the newest close), keeping the rest of the address. An explicit month always wins.
import type { ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { Spin } from 'antd';
import { useWorkbench, type Workbench } from '../../api/workbench.ts';

export function OpenOnWork({
  month,
  children,
}: {
  month: (w: Workbench) => string | null;
  children: ReactNode;
}) {
  const [search] = useSearchParams();
  const { pathname } = useLocation();
  const asked = search.has('month');
  const work = useWorkbench(!asked);
  if (asked || work.isError) return children;
  if (!work.data) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  const m = month(work.data);
  if (!m) return children;
  const next = new URLSearchParams(search);
  next.set('month', m);
  return <Navigate to={`${pathname}?${next.toString()}`} replace />;
}
