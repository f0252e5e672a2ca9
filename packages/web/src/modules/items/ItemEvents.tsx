// 办理过程: the item's own timeline of steps (date, actor, step, status change, note).
import { Empty, Tag, Timeline, Typography } from 'antd';
import type { ItemEvent } from '../../api/items.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { formatDateTime } from '../../components/format.ts';

const colors: Record<string, string> = {
  raise: 'blue',
  assign: 'blue',
  respond: 'cyan',
  resolve: 'gold',
  return: 'red',
  close: 'green',
  merge: 'gray',
  escalate: 'volcano',
  list: 'magenta',
  remind: 'orange',
};

export function ItemEvents({ events }: { events: ItemEvent[] }) {
  const t = useT();
  const L = useLabels();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="item-events"
      items={events.map((e) => ({
        key: e.id,
        color: colors[e.action] ?? 'blue',
        content: (
          <div data-testid={`item-event-${e.action}`}>
            <div>
              <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>{' '}
              <Typography.Text strong>{e.actor ?? t('audit.system')}</Typography.Text>{' '}
              <Tag color={colors[e.action]}>{L.itemAction(e.action)}</Tag>
              {e.toStatus && e.toStatus !== e.fromStatus && (
                <Typography.Text type="secondary">
                  {e.fromStatus ? `${L.itemStatus(e.fromStatus)} → ` : ''}
                  {L.itemStatus(e.toStatus)}
                </Typography.Text>
              )}
            </div>
            {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
