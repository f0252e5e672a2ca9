// 挂牌督办: open items listed for supervision, with the listing deadline and days left or overdue, by due date.
import { Link } from 'react-router';
import { Table, Tag, Typography } from 'antd';
import type { Item } from '@ducha/contract';
import { useItems } from '../../api/items.ts';
import { useMe } from '../../app/auth.tsx';
import { ForbiddenPage } from '../../app/ErrorPages.tsx';
import { useT } from '../../app/i18n.tsx';
import { todayInShanghai } from '../../components/format.ts';
import { PageCard } from '../../components/StatusTag.tsx';
import { useTableState } from '../../components/useTableState.ts';
import { listedRoles } from './access.ts';
import { ItemFlags, ItemStatusTag } from './ItemTags.tsx';

const dayMs = 86_400_000;
/** Calendar days from today to a date (negative: past). */
export function daysUntil(date: string, today = todayInShanghai()): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / dayMs);
}

export function DaysLeft({ due }: { due: string | null }) {
  const t = useT();
  if (!due) return <Typography.Text type="secondary">-</Typography.Text>;
  const n = daysUntil(due);
  return n < 0 ? (
    <Tag color="red">{t('item.daysOverdue', { n: -n })}</Tag>
  ) : (
    <Tag color={n <= 3 ? 'orange' : 'green'}>{t('item.daysLeft', { n })}</Tag>
  );
}

function Listed() {
  const t = useT();
  const table = useTableState<Record<string, never>>({});
  const query = useItems({ ...table.params, listed: true, open: true, sort: 'due' });
  return (
    <PageCard title={t('menu.itemsListed')}>
      <Table<Item>
        rowKey="id"
        size="middle"
        loading={query.isFetching}
        dataSource={query.data?.items}
        pagination={table.pagination(query.data)}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('item.noListed') }}
        data-testid="listed-table"
        columns={[
          {
            title: t('item.code'),
            dataIndex: 'code',
            render: (code: string, i) => <Link to={`/items/${i.id}`}>{code}</Link>,
          },
          {
            title: t('item.title'),
            dataIndex: 'title',
            render: (title: string, i) => <Link to={`/items/${i.id}`}>{title}</Link>,
          },
          { title: t('item.project'), key: 'project', render: (_: unknown, i) => i.project?.name ?? '-' },
          {
            title: t('item.responsibleUnit'),
            key: 'unit',
            render: (_: unknown, i) => i.responsibleUnit?.name ?? '-',
          },
          {
            title: t('item.leader'),
            key: 'leader',
            render: (_: unknown, i) =>
              i.responsibleLeader
                ? `${i.responsibleLeader.title}（${i.responsibleLeader.holder ?? t('position.vacant')}）`
                : '-',
          },
          { title: t('item.listedOn'), dataIndex: 'listedOn', render: (d: string | null) => d ?? '-' },
          { title: t('item.listedDue'), dataIndex: 'listedDue', render: (d: string | null) => d ?? '-' },
          {
            title: t('item.remaining'),
            key: 'left',
            render: (_: unknown, i) => <DaysLeft due={i.listedDue ?? i.dueDate} />,
          },
          {
            title: t('item.status'),
            key: 'status',
            render: (_: unknown, i) => <ItemStatusTag status={i.status} />,
          },
          { title: t('item.flags'), key: 'flags', render: (_: unknown, i) => <ItemFlags item={i} /> },
          {
            title: t('item.listedReason'),
            dataIndex: 'listedReason',
            render: (r: string | null) => r ?? '-',
          },
        ]}
      />
    </PageCard>
  );
}

export default function ListedPage() {
  const me = useMe();
  return listedRoles.includes(me.role) ? <Listed /> : <ForbiddenPage />;
}
