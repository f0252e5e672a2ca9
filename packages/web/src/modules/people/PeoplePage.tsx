// 人员: people in scope, filtered by unit; create, edit, deactivate, details with timeline.
import { useState } from 'react';
import { App, Button, Input, Popconfirm, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Person } from '@ducha/contract';
import { personHooks, usePeople } from '../../api/org.ts';
import { useCan } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useTableState } from '../../components/useTableState.ts';
import { useApiError } from '../../components/useApiError.ts';
import { UnitSelect } from '../../components/RemoteSelect.tsx';
import { ActiveTag, PageCard } from '../../components/StatusTag.tsx';
import { PersonForm } from './PersonForm.tsx';
import { PersonDetail } from './PersonDetail.tsx';

interface Filters {
  unitId?: number;
  includeInactive?: boolean;
}

export default function PeoplePage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const onError = useApiError();
  const table = useTableState<Filters>({});
  const { data, isFetching } = usePeople(table.params);
  const update = personHooks.useUpdate();
  const [editing, setEditing] = useState<Person | null | undefined>(undefined);
  const [detailId, setDetailId] = useState<number | null>(null);
  const writable = can('org.write');

  const setActive = (p: Person, active: boolean) =>
    update.mutateAsync({ id: p.id, version: p.version, active }).then(
      () => message.success(active ? t('common.activated') : t('common.deactivated')),
      (e) => onError(e),
    );

  const columns = [
    {
      title: t('field.personName'),
      dataIndex: 'name',
      render: (name: string, p: Person) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setDetailId(p.id)}>
          {name}
        </Button>
      ),
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
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDetailId(p.id)}>
            {t('action.detail')}
          </Button>
          {writable && (
            <Button type="link" size="small" onClick={() => setEditing(p)}>
              {t('action.edit')}
            </Button>
          )}
          {writable &&
            (p.active ? (
              <Popconfirm
                title={t('person.deactivateConfirm', { name: p.name })}
                onConfirm={() => setActive(p, false)}
              >
                <Button type="link" size="small" danger>
                  {t('action.deactivate')}
                </Button>
              </Popconfirm>
            ) : (
              <Button type="link" size="small" onClick={() => setActive(p, true)}>
                {t('action.activate')}
              </Button>
            ))}
        </Space>
      ),
    },
  ];

  return (
    <PageCard
      title={t('menu.people')}
      extra={
        writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('person.create')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('person.search')}
          onSearch={table.setQ}
          style={{ width: 240 }}
        />
        <UnitSelect
          value={table.state.filters.unitId}
          onChange={(v) => table.setFilter({ unitId: v ?? undefined })}
        />
        <Space>
          <Switch
            size="small"
            checked={!!table.state.filters.includeInactive}
            onChange={(v) => table.setFilter({ includeInactive: v || undefined })}
          />
          {t('filter.includeInactive')}
        </Space>
      </Space>
      <Table<Person>
        rowKey="id"
        size="middle"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items}
        pagination={table.pagination(data?.total)}
        scroll={{ x: 'max-content' }}
      />
      {editing !== undefined && (
        <PersonForm
          editing={editing}
          unitId={table.state.filters.unitId}
          onClose={() => setEditing(undefined)}
        />
      )}
      {detailId !== null && <PersonDetail id={detailId} onClose={() => setDetailId(null)} />}
    </PageCard>
  );
}
