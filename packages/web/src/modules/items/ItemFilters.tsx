// The ledger's filter controls and the saved-view helpers (the same pattern as the project library).
import { DatePicker, Select, Space, Switch } from 'antd';
import dayjs from 'dayjs';
import { itemKinds, itemStatuses } from '@ducha/contract';
import { useItemCategories, useItemSettings, type ItemFilters } from '../../api/items.ts';
import { useCan } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { UnitSelect } from '../../components/RemoteSelect.tsx';
import type { TableControl } from '../../components/useTableState.ts';
import type { MsgKey } from '../../app/messages/zh.ts';

/** Every filter key: a saved view restores exactly these (unset ones are cleared). */
export const itemFilterKeys = [
  'kind',
  'status',
  'open',
  'category',
  'unitId',
  'level',
  'listed',
  'overdue',
  'mine',
  'month',
  'sort',
] as const satisfies readonly (keyof ItemFilters)[];

const numeric = new Set<string>(['unitId', 'level']);
const flags = new Set<string>(['open', 'listed', 'overdue']);

/** The filters a saved view stored, keeping only known keys with values of the right type. */
export function itemFiltersFromView(query: Record<string, unknown>): ItemFilters {
  const out: Record<string, unknown> = {};
  for (const k of itemFilterKeys) {
    const v = query[k];
    if (v === undefined || v === null || v === '') out[k] = undefined;
    else if (numeric.has(k)) out[k] = Number.isFinite(Number(v)) ? Number(v) : undefined;
    else if (flags.has(k)) out[k] = v === true || v === 'true' || undefined;
    else out[k] = String(v);
  }
  return out as ItemFilters;
}

/** The filters with a value, for a saved view or the export's query string. */
export function activeItemFilters(filters: ItemFilters): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const k of itemFilterKeys) {
    const v = filters[k];
    if (v !== undefined && v !== null && v !== '') out[k] = v;
  }
  return out;
}

/** The ladder's levels as options (labels from the settings when readable). */
export function useLevelOptions() {
  const t = useT();
  const settings = useItemSettings();
  const ladder = settings.data?.ladder;
  const n = ladder?.length ?? 5;
  return Array.from({ length: n }, (_, i) => ({
    value: i + 1,
    label: ladder?.[i] ? `${i + 1} ${ladder[i]}` : t('itemSet.levelN', { n: i + 1 }),
  }));
}

function FlagSwitch({
  label,
  checked,
  onChange,
}: {
  label: MsgKey;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  const t = useT();
  return (
    <Space>
      <Switch size="small" checked={checked} onChange={onChange} />
      {t(label)}
    </Space>
  );
}

export function ItemFilterControls({ table }: { table: TableControl<ItemFilters> }) {
  const t = useT();
  const L = useLabels();
  const f = table.state.filters;
  const can = useCan();
  const categories = useItemCategories({ dictionary: can('project.read'), lang: L.lang });
  const levels = useLevelOptions();
  return (
    <>
      <Select
        allowClear
        placeholder={t('item.kind')}
        style={{ width: 120 }}
        value={f.kind}
        onChange={(kind) => table.setFilter({ kind })}
        options={itemKinds.map((k) => ({ value: k, label: L.itemKind(k) }))}
        data-testid="item-filter-kind"
      />
      <Select
        allowClear
        placeholder={t('item.status')}
        style={{ width: 120 }}
        value={f.status}
        onChange={(status) => table.setFilter({ status })}
        options={itemStatuses.map((s) => ({ value: s, label: L.itemStatus(s) }))}
        data-testid="item-filter-status"
      />
      <Select
        allowClear
        placeholder={t('item.category')}
        style={{ width: 160 }}
        value={f.category}
        onChange={(category) => table.setFilter({ category })}
        options={categories}
        popupMatchSelectWidth={false}
      />
      <UnitSelect
        value={f.unitId}
        onChange={(v) => table.setFilter({ unitId: v ?? undefined })}
        placeholder={t('item.responsibleUnit')}
      />
      <Select
        allowClear
        placeholder={t('item.filter.level')}
        style={{ width: 150 }}
        value={f.level}
        onChange={(level) => table.setFilter({ level })}
        options={levels}
        popupMatchSelectWidth={false}
      />
      <DatePicker
        picker="month"
        placeholder={t('item.filter.month')}
        value={f.month ? dayjs(`${f.month}-01`, 'YYYY-MM-DD') : null}
        onChange={(v) => table.setFilter({ month: v ? v.format('YYYY-MM') : undefined })}
        style={{ width: 140 }}
      />
      <FlagSwitch
        label="item.filter.open"
        checked={!!f.open}
        onChange={(v) => table.setFilter({ open: v || undefined })}
      />
      <FlagSwitch
        label="item.filter.overdue"
        checked={!!f.overdue}
        onChange={(v) => table.setFilter({ overdue: v || undefined })}
      />
      <FlagSwitch
        label="item.filter.listed"
        checked={!!f.listed}
        onChange={(v) => table.setFilter({ listed: v || undefined })}
      />
    </>
  );
}
