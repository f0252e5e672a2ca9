// 问题台账: every supervised item in scope, with filters, saved views, the Excel ledger, 新建, and batch 催办 of the
// selected items (each a single 催办: count, timeline, notice).
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { App, Button, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Item } from '@ducha/contract';
import { useItems, useRemindItems, type ItemFilters } from '../../api/items.ts';
import { downloadFile } from '../../api/projects.ts';
import { useCan, useMe } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { BatchBar, useBatchFeedback, useRowSelection } from '../../components/batch.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useTableState } from '../../components/useTableState.ts';
import { SavedViews } from '../../components/SavedViews.tsx';
import { useDictLabel } from '../../components/pickers.tsx';
import { raiserRoles, remindableStatuses, reminderRoles } from './access.ts';
import { ItemFilterControls, activeItemFilters, itemFiltersFromView } from './ItemFilters.tsx';
import { ItemForm } from './ItemForm.tsx';
import { ItemFlags, ItemKindTag, ItemStatusTag, ListedTag } from './ItemTags.tsx';
import { NoteModal } from '../../components/NoteModal.tsx';

/** The ledger's columns, shared with the project's items tab (which leaves some out). */
export function useItemColumns(compact = false) {
  const t = useT();
  const category = useDictLabel('item_category');
  const all = [
    {
      title: t('item.code'),
      dataIndex: 'code',
      key: 'code',
      width: 130,
      fixed: 'left' as const,
      render: (code: string, i: Item) => <Link to={`/items/${i.id}`}>{code}</Link>,
    },
    { title: t('item.kind'), key: 'kind', render: (_: unknown, i: Item) => <ItemKindTag kind={i.kind} /> },
    {
      title: t('item.title'),
      dataIndex: 'title',
      key: 'title',
      // the title stays in view and is cut with a tooltip, so 预警 and 催办 fit in 1440 px
      width: 240,
      fixed: 'left' as const,
      ellipsis: { showTitle: true },
      render: (title: string, i: Item) => (
        <Link to={`/items/${i.id}`} data-testid="item-link">
          {title}
        </Link>
      ),
    },
    {
      title: t('item.project'),
      key: 'project',
      width: 200,
      ellipsis: { showTitle: true },
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
      width: 180,
      ellipsis: { showTitle: true },
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

/** 催办 of the selected items with one optional note; the answer lists the ones refused. */
function RemindModal({ items, onClose }: { items: Item[]; onClose: (done: boolean) => void }) {
  const t = useT();
  const onError = useApiError();
  const feedback = useBatchFeedback();
  const remind = useRemindItems();
  const names = new Map(items.map((i) => [i.id, `${i.code} ${i.title}`]));
  const send = (note: string | null) =>
    remind.mutateAsync({ items: items.map((i) => ({ id: i.id, version: i.version })), note }).then((res) => {
      feedback(res, {
        done: t('item.remindedMany', { n: res.done }),
        label: (id) => names.get(id) ?? `#${id}`,
      });
      onClose(true);
    }, onError);
  return (
    <NoteModal
      title={t('item.batchRemindTitle', { n: items.length })}
      okText={t('item.batchRemind', { n: items.length })}
      help={t('item.batchRemindHelp')}
      noteLabel={t('item.batchNote')}
      maxLength={500}
      pending={remind.isPending}
      testIds={{ ok: 'item-batch-remind-ok', note: 'item-batch-note' }}
      onOk={send}
      onCancel={() => onClose(false)}
    />
  );
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
  const mayRemind = can('item.write') && reminderRoles.includes(me.role);
  const selection = useRowSelection<Item>({ disabled: (i) => !remindableStatuses.includes(i.status) });
  const [reminding, setReminding] = useState(false);

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
      rowSelection={mayRemind ? selection.rowSelection : undefined}
      batchBar={
        mayRemind && (
          <BatchBar count={selection.count} onClear={selection.clear} testId="item-batch">
            <Button type="primary" onClick={() => setReminding(true)} data-testid="item-batch-remind">
              {t('item.batchRemind', { n: selection.count })}
            </Button>
          </BatchBar>
        )
      }
    >
      {reminding && (
        <RemindModal
          items={selection.selected}
          onClose={(done) => {
            setReminding(false);
            if (done) selection.clear();
          }}
        />
      )}
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
