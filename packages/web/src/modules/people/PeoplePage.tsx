// 人员: people in scope, filtered by unit; create, edit, deactivate, details with timeline.
import { useState } from 'react';
import { Tag } from 'antd';
import type { Person } from '@ducha/contract';
import { personHooks, usePeople } from '../../api/org.ts';
import { useCan } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useTableState } from '../../components/useTableState.ts';
import { ActiveTag } from '../../components/StatusTag.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { IncludeInactiveSwitch, UnitFilter } from '../../components/ListFilters.tsx';
import { ActiveActions, DetailLink, useSetActive } from '../../components/ActiveActions.tsx';
import { PersonForm } from './PersonForm.tsx';
import { PersonDetail } from './PersonDetail.tsx';

interface Filters {
  unitId?: number;
  includeInactive?: boolean;
}

export default function PeoplePage() {
  const t = useT();
  const writable = useCan()('org.write');
  const table = useTableState<Filters>({});
  const query = usePeople(table.params);
  const setActive = useSetActive(personHooks.useUpdate());
  const [editing, setEditing] = useState<Person | null | undefined>(undefined);
  const [detailId, setDetailId] = useState<number | null>(null);

  const columns = [
    {
      title: t('field.personName'),
      dataIndex: 'name',
      render: (name: string, p: Person) => <DetailLink onClick={() => setDetailId(p.id)}>{name}</DetailLink>,
    },
    { title: t('field.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '-' },
    { title: t('field.title'), dataIndex: 'title', render: (v: string | null) => v ?? '-' },
    {
      title: t('person.positions'),
      dataIndex: 'positions',
      render: (ps: Person['positions']) =>
        ps.length
          ? ps.map((p) => (
              <Tag key={p.id} color="geekblue">
                {p.name}
              </Tag>
            ))
          : '-',
    },
    { title: t('field.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '-' },
    {
      title: t('person.account'),
      dataIndex: 'hasAccount',
      render: (v: boolean) => (v ? <Tag color="blue">{t('common.yes')}</Tag> : '-'),
    },
    { title: t('field.status'), dataIndex: 'active', render: (a: boolean) => <ActiveTag active={a} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, p: Person) => (
        <ActiveActions
          row={p}
          writable={writable}
          onDetail={() => setDetailId(p.id)}
          onEdit={() => setEditing(p)}
          deactivateConfirm={t('person.deactivateConfirm', { name: p.name })}
          setActive={setActive}
        />
      ),
    },
  ];

  return (
    <ListPage<Person, Filters>
      title={t('menu.people')}
      create={writable && { label: t('person.create'), onClick: () => setEditing(null) }}
      table={table}
      query={query}
      searchPlaceholder={t('person.search')}
      filters={
        <>
          <UnitFilter table={table} />
          <IncludeInactiveSwitch table={table} />
        </>
      }
      columns={columns}
    >
      {editing !== undefined && (
        <PersonForm
          editing={editing}
          unitId={table.state.filters.unitId}
          onClose={() => setEditing(undefined)}
        />
      )}
      {detailId !== null && <PersonDetail id={detailId} onClose={() => setDetailId(null)} />}
    </ListPage>
  );
}
