// The frame of every server-paginated list page: card + create button, search toolbar, paged table.
import type { ReactNode } from 'react';
import { Button, Input, Space, Table, type TableColumnsType, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ListResult } from '../api/resource.ts';
import { PageCard } from './StatusTag.tsx';
import type { TableControl } from './useTableState.ts';

export interface ListPageProps<T extends { id: number }, F extends object> {
  /** Card title, usually the menu label. */
  title: ReactNode;
  /** The primary "+ 新建…" button in the card header; `false` or left out when the user may not create. */
  create?: { label: ReactNode; onClick: () => void } | false;
  /** Test id prefix: `<testId>-create` on the create button, `<testId>-search` on the search box. */
  testId?: string;
  /** Paging, search and filter state from `useTableState<F>()`. */
  table: TableControl<F>;
  /** The page's list query, called with `table.params` (e.g. `useUnits(table.params)`). */
  query: { data?: ListResult<T>; isFetching: boolean };
  /** Placeholder of the search box; a search sets `table.q`. */
  searchPlaceholder: string;
  /** The page's own filter controls after the search box (bound ones in ListFilters.tsx). */
  filters?: ReactNode;
  columns: TableColumnsType<T>;
  /** Row selection for batch actions (`useRowSelection` in batch.tsx); left out, rows are not selectable. */
  rowSelection?: TableProps<T>['rowSelection'];
  /** Shown between the toolbar and the table: the batch bar while rows are selected. */
  batchBar?: ReactNode;
  /** Forms and drawers the page opens (rendered inside the card). */
  children?: ReactNode;
}

/**
 * A list page: card with title and create button, toolbar (search + the page's filters), and a table
 * (`rowKey="id"`) paged by the server. The page keeps only its own parts: filter type, columns,
 * filter controls (ListFilters.tsx), forms and drawers; row actions come from ActiveActions.tsx.
 *
 * ```tsx
 * const table = useTableState<Filters>({});
 * const units = useUnits(table.params);
 * const setActive = useSetActive(unitHooks.useUpdate());
 * const columns = [
 *   { title: t('field.name'), dataIndex: 'name', render: (name: string, u: Unit) => <DetailLink …>{name}</DetailLink> },
 *   …,
 *   { title: t('common.actions'), key: 'actions', render: (_: unknown, u: Unit) => (
 *     <ActiveActions row={u} writable={writable} onDetail={…} onEdit={…} setActive={setActive}
 *       deactivateConfirm={t('unit.deactivateConfirm', { name: u.name })} />) },
 * ];
 * return (
 *   <ListPage<Unit, Filters>
 *     title={t('menu.units')}
 *     create={writable && { label: t('unit.create'), onClick: () => setEditing(null) }}
 *     testId="unit"
 *     table={table}
 *     query={units}
 *     searchPlaceholder={t('unit.search')}
 *     filters={<><RegionFilter table={table} /><IncludeInactiveSwitch table={table} /></>}
 *     columns={columns}
 *   >
 *     {editing !== undefined && <UnitForm editing={editing} onClose={() => setEditing(undefined)} />}
 *   </ListPage>
 * );
 * ```
 */
export function ListPage<T extends { id: number }, F extends object>(props: ListPageProps<T, F>) {
  const { title, create, testId, table, query, searchPlaceholder, filters, columns, children } = props;
  const { rowSelection, batchBar } = props;
  return (
    <PageCard
      title={title}
      extra={
        create && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={create.onClick}
            data-testid={testId && `${testId}-create`}
          >
            {create.label}
          </Button>
        )
      }
    >
      <ListToolbar
        searchPlaceholder={searchPlaceholder}
        onSearch={table.setQ}
        searchTestId={testId && `${testId}-search`}
      >
        {filters}
      </ListToolbar>
      {batchBar}
      <Table<T>
        rowKey="id"
        size="middle"
        loading={query.isFetching}
        rowSelection={rowSelection}
        columns={columns}
        dataSource={query.data?.items}
        pagination={table.pagination(query.data)}
        scroll={{ x: 'max-content' }}
      />
      {children}
    </PageCard>
  );
}

/** The row above a list: a search box (240 px, clearable) followed by filter controls (`children`). */
export function ListToolbar({
  searchPlaceholder,
  onSearch,
  searchTestId,
  children,
}: {
  searchPlaceholder: string;
  onSearch: (q: string) => void;
  searchTestId?: string;
  children?: ReactNode;
}) {
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={searchPlaceholder}
        onSearch={onSearch}
        style={{ width: 240 }}
        data-testid={searchTestId}
      />
      {children}
    </Space>
  );
}
