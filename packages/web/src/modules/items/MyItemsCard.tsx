// 我的待办督办事项 (home page, unit staff): items the user's unit leads that wait for it to act.
import { Link } from 'react-router';
import { Card, Empty, Space, Typography } from 'antd';
import type { Item } from '@ducha/contract';
import { useItems } from '../../api/items.ts';
import { useCan, useMe } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { unitTodoStatuses } from './access.ts';
import { ItemFlags, ItemStatusTag } from './ItemTags.tsx';

export function MyItemsCard() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const enabled = me.role === 'unit' && me.unitId !== null && can('item.read');
  const query = useItems({ unitId: me.unitId ?? undefined, open: true, sort: 'due', pageSize: 100 }, enabled);
  if (!enabled) return null;
  const todo = (query.data?.items ?? []).filter(
    (i: Item) =>
      i.responsibleUnit?.id === me.unitId && (unitTodoStatuses as readonly string[]).includes(i.status),
  );
  return (
    <Card
      title={t('item.myTodo')}
      variant="borderless"
      style={{ marginTop: 24 }}
      loading={query.isLoading}
      extra={<Link to="/items">{t('item.viewAll')}</Link>}
      data-testid="my-items"
    >
      {todo.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('item.myTodoEmpty')} />
      ) : (
        <Space vertical size={6} style={{ width: '100%' }}>
          {todo.slice(0, 8).map((i) => (
            <div key={i.id}>
              <Space wrap>
                <Link to={`/items/${i.id}`}>{i.title}</Link>
                <ItemStatusTag status={i.status} />
                <ItemFlags item={i} />
                <Typography.Text type="secondary">{i.dueDate ?? i.responseDue ?? ''}</Typography.Text>
              </Space>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}
