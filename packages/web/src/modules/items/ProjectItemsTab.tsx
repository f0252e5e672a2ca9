// 督办事项 tab of a project: its items in a compact table, and 上报问题 for the project.
import { useState } from 'react';
import { Button, Space, Switch, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Item, Project } from '@ducha/contract';
import { useItems } from '../../api/items.ts';
import { useCan } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useTableState } from '../../components/useTableState.ts';
import { ItemForm } from './ItemForm.tsx';
import { useItemColumns } from './ItemsPage.tsx';

export function ProjectItemsTab({ p }: { p: Project }) {
  const t = useT();
  const can = useCan();
  const table = useTableState<{ open?: boolean }>({});
  const query = useItems({ ...table.params, projectId: p.id });
  const columns = useItemColumns(true);
  const [raising, setRaising] = useState(false);
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {can('item.write') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRaising(true)}
            data-testid="project-raise-item"
          >
            {t('item.raise')}
          </Button>
        )}
        <Space>
          <Switch
            size="small"
            checked={!!table.state.filters.open}
            onChange={(v) => table.setFilter({ open: v || undefined })}
          />
          {t('item.filter.open')}
        </Space>
      </Space>
      <Table<Item>
        rowKey="id"
        size="small"
        loading={query.isFetching}
        dataSource={query.data?.items}
        columns={columns}
        pagination={table.pagination(query.data)}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('item.none') }}
        data-testid="project-items"
      />
      {raising && (
        <ItemForm source="project" project={{ id: p.id, name: p.name }} onClose={() => setRaising(false)} />
      )}
    </>
  );
}
