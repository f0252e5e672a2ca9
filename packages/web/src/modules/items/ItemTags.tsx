// Tags of a supervised item: status, kind, level, listed, and the red overdue / due-soon flags.
import { Space, Tag } from 'antd';
import type { Item, ItemStatus } from '@ducha/contract';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';

const statusColors: Record<ItemStatus, string> = {
  new: 'default',
  assigned: 'processing',
  responded: 'cyan',
  resolved: 'gold',
  returned: 'error',
  closed: 'success',
  merged: 'default',
};

export function ItemStatusTag({ status }: { status: ItemStatus }) {
  const L = useLabels();
  return (
    <Tag color={statusColors[status]} data-testid="item-status">
      {L.itemStatus(status)}
    </Tag>
  );
}

export function ItemKindTag({ kind }: { kind: Item['kind'] }) {
  const L = useLabels();
  return (
    <Tag color={kind === 'instruction' ? 'purple' : kind === 'decision' ? 'geekblue' : 'blue'}>
      {L.itemKind(kind)}
    </Tag>
  );
}

export function LevelTag({ item }: { item: Pick<Item, 'level' | 'levelLabel'> }) {
  return (
    <Tag color={item.level >= 4 ? 'volcano' : item.level >= 3 ? 'orange' : 'default'}>{item.levelLabel}</Tag>
  );
}

export function ListedTag({ listed }: { listed: boolean }) {
  const t = useT();
  return listed ? <Tag color="magenta">{t('item.listed')}</Tag> : null;
}

/** 逾期答复 / 逾期办结 / 即将到期 as red (orange) tags; nothing when none applies. */
export function ItemFlags({ item, days }: { item: Pick<Item, 'flags'>; days?: boolean }) {
  const t = useT();
  const f = item.flags;
  if (!f.responseOverdue && !f.resolutionOverdue && !f.dueSoon) return null;
  return (
    <Space size={0} wrap>
      {f.responseOverdue && <Tag color="red">{t('item.flag.responseOverdue')}</Tag>}
      {f.resolutionOverdue && <Tag color="red">{t('item.flag.resolutionOverdue')}</Tag>}
      {f.dueSoon && <Tag color="orange">{t('item.flag.dueSoon')}</Tag>}
      {days && f.overdueDays > 0 && <Tag color="red">{t('item.flag.overdueDays', { n: f.overdueDays })}</Tag>}
    </Space>
  );
}
