// 职务: positions (responsibility follows the position) with current holder; create, rename, deactivate.
import { useState } from 'react';
import { App, Button, Input, Popconfirm, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Position } from '@ducha/contract';
import { positionHooks, usePositions } from '../../api/org.ts';
import { useCan } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useTableState } from '../../components/useTableState.ts';
import { useApiError } from '../../components/useApiError.ts';
import { UnitSelect } from '../../components/RemoteSelect.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { ActiveTag, PageCard } from '../../components/StatusTag.tsx';
import { PositionForm } from './PositionForm.tsx';
import { PositionDetail } from './PositionDetail.tsx';

interface Filters {
  unitId?: number;
  regionCode?: string;
  includeInactive?: boolean;
}

export default function PositionsPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const onError = useApiError();
  const table = useTableState<Filters>({});
  const { data, isFetching } = usePositions(table.params);
  const update = positionHooks.useUpdate();
  const [editing, setEditing] = useState<Position | null | undefined>(undefined);
  const [detailId, setDetailId] = useState<number | null>(null);
  const writable = can('org.write');

  const setActive = (p: Position, active: boolean) =>
    update.mutateAsync({ id: p.id, version: p.version, active }).then(
      () => message.success(active ? t('common.activated') : t('common.deactivated')),
      (e) => onError(e),
    );

  const columns = [
    {
      title: t('position.name'),
      dataIndex: 'name',
      render: (name: string, p: Position) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setDetailId(p.id)}>
          {name}
        </Button>
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
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDetailId(p.id)}>
            {writable && p.active ? t('position.detailAndChange') : t('action.detail')}
          </Button>
          {writable && (
            <Button type="link" size="small" onClick={() => setEditing(p)}>
              {t('position.rename')}
            </Button>
          )}
          {writable &&
            (p.active ? (
              <Popconfirm
                title={t('position.deactivateConfirm', { name: p.name })}
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
      title={t('menu.positions')}
      extra={
        writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('position.create')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('position.search')}
          onSearch={table.setQ}
          style={{ width: 240 }}
        />
        <RegionSelect
          value={table.state.filters.regionCode}
          onChange={(regionCode) => table.setFilter({ regionCode })}
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
      <Table<Position>
        rowKey="id"
        size="middle"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items}
        pagination={table.pagination(data?.total)}
        scroll={{ x: 'max-content' }}
      />
      {editing !== undefined && <PositionForm editing={editing} onClose={() => setEditing(undefined)} />}
      {detailId !== null && <PositionDetail id={detailId} onClose={() => setDetailId(null)} />}
    </PageCard>
  );
}
