// 督查组: the routine inspection groups by sector (seed 001), with their leader, members and projects.
import { useState } from 'react';
import { Switch } from 'antd';
import { Link } from 'react-router';
import type { InspectionGroupSummary } from '@ducha/contract';
import { useGroups } from '../../../api/inspection-groups.ts';
import { useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { ListPage } from '../../../components/ListPage.tsx';
import { RegionFilter } from '../../../components/ListFilters.tsx';
import { ActiveTag } from '../../../components/StatusTag.tsx';
import { useTableState } from '../../../components/useTableState.ts';
import { GroupForm } from './GroupForm.tsx';

interface Filters {
  regionCode?: string;
  mine?: boolean;
}

export default function GroupsPage() {
  const t = useT();
  const me = useMe();
  const office = me.role === 'admin' || me.role === 'office';
  const table = useTableState<Filters>({});
  const query = useGroups(table.params);
  const [creating, setCreating] = useState(false);
  const columns = [
    {
      title: t('group.name'),
      dataIndex: 'name',
      render: (name: string, g: InspectionGroupSummary) => (
        <Link to={`/inspections/groups/${g.id}`}>{name}</Link>
      ),
    },
    { title: t('field.region'), dataIndex: 'regionName' },
    { title: t('group.year'), dataIndex: 'year' },
    { title: t('group.sector'), dataIndex: 'sector' },
    { title: t('group.leader'), dataIndex: 'leaderName', render: (v: string | null) => v ?? '—' },
    { title: t('group.memberCount'), dataIndex: 'memberCount' },
    { title: t('group.projectCount'), dataIndex: 'projectCount' },
    { title: t('field.status'), dataIndex: 'active', render: (a: boolean) => <ActiveTag active={a} /> },
  ];
  return (
    <ListPage<InspectionGroupSummary, Filters>
      title={t('menu.inspectionGroups')}
      testId="groups"
      create={office && { label: t('group.create'), onClick: () => setCreating(true) }}
      table={table}
      query={query}
      searchPlaceholder={t('group.search')}
      filters={
        <>
          <RegionFilter table={table} />
          <span>
            <Switch
              size="small"
              checked={!!table.state.filters.mine}
              onChange={(v) => table.setFilter({ mine: v || undefined })}
            />{' '}
            {t('group.mine')}
          </span>
        </>
      }
      columns={columns}
    >
      {creating && <GroupForm onClose={() => setCreating(false)} />}
    </ListPage>
  );
}
