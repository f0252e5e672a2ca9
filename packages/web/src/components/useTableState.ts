// Paging, search and filter state for a server-paginated antd Table.
import { useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import { useT } from '../app/i18n.tsx';

export interface TableState<F> {
  page: number;
  pageSize: number;
  q: string;
  filters: F;
}

export function useTableState<F extends object>(initialFilters: F) {
  const t = useT();
  const [state, setState] = useState<TableState<F>>({
    page: 1,
    pageSize: 20,
    q: '',
    filters: initialFilters,
  });
  /** Query parameters for the list hook. */
  const params = { page: state.page, pageSize: state.pageSize, q: state.q || undefined, ...state.filters };
  const setQ = (q: string) => setState((s) => ({ ...s, q: q.trim(), page: 1 }));
  const setFilter = (patch: Partial<F>) =>
    setState((s) => ({ ...s, filters: { ...s.filters, ...patch }, page: 1 }));
  /** `list` is the page's answer: past 10,000 rows its total is the server's estimate (约). */
  const pagination = (
    list: { total: number; totalIsEstimate?: true } | undefined,
  ): TablePaginationConfig => ({
    current: state.page,
    pageSize: state.pageSize,
    total: list?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (n) => t(list?.totalIsEstimate ? 'common.totalEstimate' : 'common.total', { n }),
    onChange: (page, pageSize) =>
      setState((s) => ({ ...s, page: pageSize !== s.pageSize ? 1 : page, pageSize })),
  });
  return { state, params, setQ, setFilter, pagination };
}

/** What `useTableState` returns: hand it to `ListPage` (and filter controls) as `table`. */
export type TableControl<F extends object> = ReturnType<typeof useTableState<F>>;
