// 单位: units in scope with filters (region, type, inactive); create, edit, deactivate, details.
import { useState } from 'react';
import { Select } from 'antd';
import { unitTypes, type Unit } from '@ducha/contract';
import { unitHooks, useUnits } from '../../api/org.ts';
import { useCan } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { useTableState } from '../../components/useTableState.ts';
import { ActiveTag } from '../../components/StatusTag.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { IncludeInactiveSwitch, RegionFilter } from '../../components/ListFilters.tsx';
import { ActiveActions, DetailLink, useSetActive } from '../../components/ActiveActions.tsx';
import { UnitForm } from './UnitForm.tsx';
import { UnitDetail } from './UnitDetail.tsx';

interface Filters {
  regionCode?: string;
  type?: Unit['type'];
  includeInactive?: boolean;
}

export default function UnitsPage() {
  const t = useT();
  const L = useLabels();
  const writable = useCan()('org.write');
  const table = useTableState<Filters>({});
  const query = useUnits(table.params);
  const setActive = useSetActive(unitHooks.useUpdate());
  const [editing, setEditing] = useState<Unit | null | undefined>(undefined);
  const [detailId, setDetailId] = useState<number | null>(null);

  const columns = [
    {
      title: t('field.name'),
      dataIndex: 'name',
      render: (name: string, u: Unit) => <DetailLink onClick={() => setDetailId(u.id)}>{name}</DetailLink>,
    },
    { title: t('field.shortName'), dataIndex: 'shortName', render: (v: string | null) => v ?? '-' },
    { title: t('field.type'), dataIndex: 'type', render: (v: string) => L.unitType(v) },
    { title: t('field.region'), dataIndex: 'regionName' },
    { title: t('field.headPersonId'), dataIndex: 'headPersonName', render: (v: string | null) => v ?? '-' },
    {
      title: t('field.liaisonPersonId'),
      dataIndex: 'liaisonPersonName',
      render: (v: string | null) => v ?? '-',
    },
    { title: t('field.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '-' },
    { title: t('field.status'), dataIndex: 'active', render: (a: boolean) => <ActiveTag active={a} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, u: Unit) => (
        <ActiveActions
          row={u}
          writable={writable}
          onDetail={() => setDetailId(u.id)}
          onEdit={() => setEditing(u)}
          deactivateConfirm={t('unit.deactivateConfirm', { name: u.name })}
          setActive={setActive}
        />
      ),
    },
  ];

  return (
    <ListPage<Unit, Filters>
      title={t('menu.units')}
      create={writable && { label: t('unit.create'), onClick: () => setEditing(null) }}
      testId="unit"
      table={table}
      query={query}
      searchPlaceholder={t('unit.search')}
      filters={
        <>
          <RegionFilter table={table} />
          <Select
            allowClear
            placeholder={t('field.type')}
            style={{ width: 160 }}
            value={table.state.filters.type}
            onChange={(type) => table.setFilter({ type })}
            options={unitTypes.map((u) => ({ value: u, label: L.unitType(u) }))}
          />
          <IncludeInactiveSwitch table={table} />
        </>
      }
      columns={columns}
    >
      {editing !== undefined && <UnitForm editing={editing} onClose={() => setEditing(undefined)} />}
      {detailId !== null && <UnitDetail id={detailId} onClose={() => setDetailId(null)} />}
    </ListPage>
  );
}
