// 行政区划: the region tree in the user's scope; admins create, rename, deactivate.
import { useMemo, useState } from 'react';
import { App, Button, Input, Popconfirm, Space, Switch, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Region } from '@ducha/contract';
import { useRegions, useUpdateRegion } from '../../api/org.ts';
import { useCan } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { buildRegionTree, expandedCodes, type RegionNode } from '../../components/regionTree.ts';
import { ActiveTag, PageCard } from '../../components/StatusTag.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { RegionForm } from './RegionForm.tsx';

const childLevel: Record<Region['level'], Region['level']> = {
  province: 'city',
  city: 'county',
  county: 'town',
  town: 'town',
};

export default function RegionsPage() {
  const t = useT();
  const L = useLabels();
  const can = useCan();
  const { message } = App.useApp();
  const onError = useApiError();
  const [q, setQ] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [form, setForm] = useState<{
    editing: Region | null;
    parentCode?: string;
    level?: Region['level'];
  } | null>(null);
  const { data, isLoading, isFetching } = useRegions({ q: q || undefined, includeInactive });
  const update = useUpdateRegion();
  const tree = useMemo(() => buildRegionTree(data?.items ?? []), [data]);
  const writable = can('region.write');

  const setActive = (r: Region, active: boolean) =>
    update.mutateAsync({ code: r.code, version: r.version, active }).then(
      () => message.success(active ? t('common.activated') : t('common.deactivated')),
      (e) => onError(e),
    );

  const columns = [
    { title: t('field.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('field.code'),
      dataIndex: 'code',
      key: 'code',
      render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
    },
    { title: t('field.level'), dataIndex: 'level', key: 'level', render: (l: string) => L.regionLevel(l) },
    {
      title: t('field.status'),
      dataIndex: 'active',
      key: 'active',
      render: (a: boolean) => <ActiveTag active={a} />,
    },
    ...(writable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: RegionNode) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setForm({ editing: null, parentCode: r.code, level: childLevel[r.level] })}
                >
                  {t('region.addChild')}
                </Button>
                <Button type="link" size="small" onClick={() => setForm({ editing: r })}>
                  {t('region.rename')}
                </Button>
                {r.active ? (
                  <Popconfirm
                    title={t('region.deactivateConfirm', { name: r.name })}
                    onConfirm={() => setActive(r, false)}
                  >
                    <Button type="link" size="small" danger>
                      {t('action.deactivate')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button type="link" size="small" onClick={() => setActive(r, true)}>
                    {t('action.activate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <PageCard
      title={t('menu.regions')}
      extra={
        writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null })}>
            {t('region.create')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('region.search')}
          onSearch={(v) => setQ(v.trim())}
          style={{ width: 260 }}
        />
        <Space>
          <Switch checked={includeInactive} onChange={setIncludeInactive} size="small" />
          {t('filter.includeInactive')}
        </Space>
      </Space>
      {isLoading ? (
        <Table loading columns={columns} dataSource={[]} />
      ) : (
        <Table<RegionNode>
          key={`${q}|${includeInactive}`}
          rowKey="code"
          size="middle"
          loading={isFetching}
          columns={columns}
          dataSource={tree}
          pagination={false}
          expandable={{ defaultExpandedRowKeys: q ? expandedCodes(tree, 9) : expandedCodes(tree, 1) }}
        />
      )}
      {form && (
        <RegionForm
          open
          editing={form.editing}
          parentCode={form.parentCode}
          level={form.level}
          onClose={() => setForm(null)}
        />
      )}
    </PageCard>
  );
}
