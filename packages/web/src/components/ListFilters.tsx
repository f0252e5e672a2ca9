// Filter controls bound to a list's `useTableState` filters: unit, region, include-inactive.
import { Space, Switch } from 'antd';
import { useT } from '../app/i18n.tsx';
import { RegionSelect } from './RegionSelect.tsx';
import { UnitSelect } from './RemoteSelect.tsx';
import type { TableControl } from './useTableState.ts';

/** Unit picker bound to the `unitId` filter. */
export function UnitFilter({ table }: { table: TableControl<{ unitId?: number }> }) {
  return (
    <UnitSelect
      value={table.state.filters.unitId}
      onChange={(v) => table.setFilter({ unitId: v ?? undefined })}
    />
  );
}

/** Region tree picker bound to the `regionCode` filter. */
export function RegionFilter({ table }: { table: TableControl<{ regionCode?: string }> }) {
  return (
    <RegionSelect
      value={table.state.filters.regionCode}
      onChange={(regionCode) => table.setFilter({ regionCode })}
    />
  );
}

/** "含已停用" switch bound to the `includeInactive` filter (unset when off, as the API expects). */
export function IncludeInactiveSwitch({ table }: { table: TableControl<{ includeInactive?: boolean }> }) {
  const t = useT();
  return (
    <Space>
      <Switch
        size="small"
        checked={!!table.state.filters.includeInactive}
        onChange={(v) => table.setFilter({ includeInactive: v || undefined })}
      />
      {t('filter.includeInactive')}
    </Space>
  );
}
