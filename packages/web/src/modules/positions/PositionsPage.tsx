// 职务: positions (responsibility follows the position) with current holder; create, rename, deactivate.
import { useState } from 'react';
import { Tag } from 'antd';
import type { Position } from '@ducha/contract';
import { positionHooks, usePositions } from '../../api/org.ts';
import { useCan } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useTableState } from '../../components/useTableState.ts';
import { ActiveTag } from '../../components/StatusTag.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { IncludeInactiveSwitch, RegionFilter, UnitFilter } from '../../components/ListFilters.tsx';
import { ActiveActions, DetailLink, useSetActive } from '../../components/ActiveActions.tsx';
import { PositionForm } from './PositionForm.tsx';
import { PositionDetail } from './PositionDetail.tsx';

interface Filters {
  unitId?: number;
  regionCode?: string;
  includeInactive?: boolean;
}

export default function PositionsPage() {
  const t = useT();
  const writable = useCan()('org.write');
  const table = useTableState<Filters>({});
  const query = usePositions(table.params);
  const setActive = useSetActive(positionHooks.useUpdate());
  const [editing, setEditing] = useState<Position | null | undefined>(undefined);
  const [detailId, setDetailId] = useState<number | null>(null);

  const columns = [
    {
      title: t('position.name'),
      dataIndex: 'name',
      render: (name: string, p: Position) => (
        <DetailLink onClick={() => setDetailId(p.id)}>{name}</DetailLink>
      ),
    },
    { title: t('field.unit'), dataIndex: 'unitName' },
    {
      title: t('position.holder'),
      dataIndex: 'holderName',
      render: (v: string | null) => v ?? <Tag color="orange">{t('position.vacant')}</Tag>,
    },
    { title: t('field.status'), dataIndex: 'active', render: (a: boolean) => <ActiveTag active={a} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, p: Position) => (
        <ActiveActions
          row={p}
          writable={writable}
          onDetail={() => setDetailId(p.id)}
          detailLabel={writable && p.active ? t('position.detailAndChange') : undefined}
          onEdit={() => setEditing(p)}
          editLabel={t('position.rename')}
          deactivateConfirm={t('position.deactivateConfirm', { name: p.name })}
          setActive={setActive}
        />
      ),
    },
  ];

  return (
    <ListPage<Position, Filters>
      title={t('menu.positions')}
      create={writable && { label: t('position.create'), onClick: () => setEditing(null) }}
      table={table}
      query={query}
      searchPlaceholder={t('position.search')}
      filters={
        <>
          <RegionFilter table={table} />
          <UnitFilter table={table} />
          <IncludeInactiveSwitch table={table} />
        </>
      }
      columns={columns}
    >
      {editing !== undefined && <PositionForm editing={editing} onClose={() => setEditing(undefined)} />}
      {detailId !== null && <PositionDetail id={detailId} onClose={() => setDetailId(null)} />}
    </ListPage>
  );
}
