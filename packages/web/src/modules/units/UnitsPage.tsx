// 单位: units in scope with filters (region, type, inactive); create, edit, deactivate, details.
import { useState } from 'react';
import { App, Button, Input, Popconfirm, Select, Space, Switch, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { unitTypes, type Unit } from '@ducha/contract';
import { unitHooks, useUnits } from '../../api/org.ts';
import { useCan } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { useTableState } from '../../components/useTableState.ts';
import { useApiError } from '../../components/useApiError.ts';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { ActiveTag, PageCard } from '../../components/StatusTag.tsx';
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
  const can = useCan();
  const { message } = App.useApp();
  const onError = useApiError();
  const table = useTableState<Filters>({});
  const { data, isFetching } = useUnits(table.params);
  const update = unitHooks.useUpdate();
  const [editing, setEditing] = useState<Unit | null | undefined>(undefined);
  const [detailId, setDetailId] = useState<number | null>(null);
  const writable = can('org.write');

  const setActive = (u: Unit, active: boolean) =>
    update.mutateAsync({ id: u.id, version: u.version, active }).then(
      () => message.success(active ? t('common.activated') : t('common.deactivated')),
      (e) => onError(e),
    );

  const columns = [
    {
      title: t('field.name'),
      dataIndex: 'name',
      render: (name: string, u: Unit) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setDetailId(u.id)}>
          {name}
        </Button>
      ),
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
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDetailId(u.id)}>
            {t('action.detail')}
          </Button>
          {writable && (
            <Button type="link" size="small" onClick={() => setEditing(u)}>
              {t('action.edit')}
            </Button>
          )}
          {writable &&
            (u.active ? (
              <Popconfirm
                title={t('unit.deactivateConfirm', { name: u.name })}
                onConfirm={() => setActive(u, false)}
              >
                <Button type="link" size="small" danger>
                  {t('action.deactivate')}
                </Button>
              </Popconfirm>
            ) : (
              <Button type="link" size="small" onClick={() => setActive(u, true)}>
                {t('action.activate')}
              </Button>
            ))}
        </Space>
      ),
    },
  ];

  return (
    <PageCard
      title={t('menu.units')}
      extra={
        writable && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(null)}
            data-testid="unit-create"
          >
            {t('unit.create')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('unit.search')}
          onSearch={table.setQ}
          style={{ width: 240 }}
          data-testid="unit-search"
        />
        <RegionSelect
          value={table.state.filters.regionCode}
          onChange={(regionCode) => table.setFilter({ regionCode })}
        />
        <Select
          allowClear
          placeholder={t('field.type')}
          style={{ width: 160 }}
          value={table.state.filters.type}
          onChange={(type) => table.setFilter({ type })}
          options={unitTypes.map((u) => ({ value: u, label: L.unitType(u) }))}
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
      <Table<Unit>
        rowKey="id"
        size="middle"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items}
        pagination={table.pagination(data?.total)}
        scroll={{ x: 'max-content' }}
      />
      {editing !== undefined && <UnitForm editing={editing} onClose={() => setEditing(undefined)} />}
      {detailId !== null && <UnitDetail id={detailId} onClose={() => setDetailId(null)} />}
    </PageCard>
  );
}
