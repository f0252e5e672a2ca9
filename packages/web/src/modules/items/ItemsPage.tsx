// 问题台账: every supervised item in scope, with filters, saved views, the Excel ledger and 新建.
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { App, Button, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Item } from '@ducha/contract';
import { useItems, type ItemFilters } from '../../api/items.ts';
import { downloadFile } from '../../api/projects.ts';
import { useCan, useMe } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useTableState } from '../../components/useTableState.ts';
import { SavedViews } from '../../components/SavedViews.tsx';
import { useDictLabel } from '../../components/pickers.tsx';
import { raiserRoles } from './access.ts';
import { ItemFilterControls, activeItemFilters, itemFiltersFromView } from './ItemFilters.tsx';
import { ItemForm } from './ItemForm.tsx';
import { ItemFlags, ItemKindTag, ItemStatusTag, ListedTag } from './ItemTags.tsx';

/** The ledger's columns, shared with the project's items tab (which leaves some out). */
export function useItemColumns(compact = false) {
  const t = useT();
  const can = useCan();
  const category = useDictLabel('item_category', can('project.read'));
  const all = [
    {
      title: t('item.code'),
      dataIndex: 'code',
      key: 'code',
      render: (code: string, i: Item) => <Link to={`/items/${i.id}`}>{code}</Link>,
    },
    { title: t('item.kind'), key: 'kind', render: (_: unknown, i: Item) => <ItemKindTag kind={i.kind} /> },
    {
      title: t('item.title'),
      dataIndex: 'title',
      key: 'title',
      render: (title: string, i: Item) => (
        <Link to={`/items/${i.id}`} data-testid="item-link">
          {title}
        </Link>
      ),
    },
    {
      title: t('item.project'),
      key: 'project',
      render: (_: unknown, i: Item) =>
        i.project ? (
          <Link to={`/projects/${i.project.id}`}>{i.project.name}</Link>
        ) : (
          <Typography.Text type="secondary">-</Typography.Text>
        ),
    },
    {
      title: t('item.category'),
      dataIndex: 'category',
      key: 'category',
      render: (c: string) => category(c),
    },
    {
      title: t('item.responsibleUnit'),
      key: 'unit',
      render: (_: unknown, i: Item) => i.responsibleUnit?.name ?? '-',
    },
    { title: t('item.level'), dataIndex: 'levelLabel', key: 'level' },
    {
      title: t('item.status'),
      key: 'status',
      render: (_: unknown, i: Item) => <ItemStatusTag status={i.status} />,
    },
    { title: t('item.dueDate'), dataIndex: 'dueDate', key: 'due', render: (d: string | null) => d ?? '-' },
    { title: t('item.flags'), key: 'flags', render: (_: unknown, i: Item) => <ItemFlags item={i} /> },
    { title: t('item.reminders'), dataIndex: 'reminderCount', key: 'reminders', align: 'right' as const },
    {
      title: t('item.listed'),
      key: 'listed',
      render: (_: unknown, i: Item) => <ListedTag listed={i.listed} />,
    },
  ];
  const compactKeys = ['code', 'title', 'category', 'unit', 'status', 'due', 'flags'];
  return compact ? all.filter((c) => compactKeys.includes(c.key)) : all;
}

export default function ItemsPage() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useApiError();
  // a link (the workbench's counts) may name the filters in the address
  const [search] = useSearchParams();
  const table = useTableState<ItemFilters>(
    search.size ? itemFiltersFromView(Object.fromEntries(search.entries())) : { open: true },
  );
  const query = useItems(table.params);
  const columns = useItemColumns();
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const mayRaise = can('item.write') && raiserRoles.includes(me.role);

  const exportExcel = async () => {
    setExporting(true);
    try {
      await downloadFile(
        '/api/items/export',
        { ...activeItemFilters(table.state.filters), q: table.state.q || undefined },
        '问题台账.xlsx',
      );
      message.success(t('item.exported'));
    } catch (e) {
      onError(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <ListPage<Item, ItemFilters>
      title={t('menu.items')}
      create={mayRaise && { label: t('item.create'), onClick: () => setCreating(true) }}
      testId="item"
      table={table}
      query={query}
      searchPlaceholder={t('item.search')}
      filters={
        <>
          <ItemFilterControls table={table} />
          <SavedViews
            page="items"
            current={activeItemFilters(table.state.filters)}
            onApply={(q) => table.setFilter(itemFiltersFromView(q))}
          />
          <Button
            icon={<DownloadOutlined />}
            onClick={exportExcel}
            loading={exporting}
            data-testid="item-export"
          >
            {t('item.export')}
          </Button>
        </>
      }
      columns={columns}
    >
      {creating && (
        <ItemForm
          source="ledger"
          onClose={() => setCreating(false)}
          onCreated={(d) => navigate(`/items/${d.item.id}`)}
        />
      )}
    </ListPage>
  );
}
