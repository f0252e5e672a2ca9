// 审计日志: the whole audit log (admin), filtered by entity and record id; diffs in expandable rows.
import { useState } from 'react';
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { auditEntities, type AuditEvent } from '@ducha/contract';
import { useAudit } from '../../api/audit.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import type { MsgKey } from '../../app/messages/zh.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageCard } from '../../components/StatusTag.tsx';
import { visibleDiff } from '../../components/auditDiff.ts';
import { useTableState } from '../../components/useTableState.ts';

interface Filters {
  entity?: string;
  id?: string;
}

function Diff({ e }: { e: AuditEvent }) {
  const t = useT();
  const L = useLabels();
  const entries = visibleDiff(e.diff);
  if (!entries.length) return <Typography.Text type="secondary">{t('audit.noDiff')}</Typography.Text>;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={entries.map(([field, c]) => ({ field, before: c.before, after: c.after }))}
      columns={[
        { title: t('audit.field'), dataIndex: 'field', render: (f: string) => L.field(f) },
        { title: t('audit.before'), key: 'before', render: (_: unknown, r) => L.value(r.field, r.before) },
        { title: t('audit.after'), key: 'after', render: (_: unknown, r) => L.value(r.field, r.after) },
      ]}
    />
  );
}

export default function AuditPage() {
  const t = useT();
  const L = useLabels();
  const table = useTableState<Filters>({});
  const [idInput, setIdInput] = useState('');
  const { data, isFetching } = useAudit(table.params);
  const entityLabel = (e: string) =>
    (auditEntities as readonly string[]).includes(e) ? t(`entity.${e}` as MsgKey) : e;

  const columns = [
    { title: t('audit.at'), dataIndex: 'at', render: formatDateTime, width: 150 },
    { title: t('audit.actor'), dataIndex: 'actorName', render: (v: string | null) => v ?? t('audit.system') },
    {
      title: t('audit.action'),
      key: 'action',
      render: (_: unknown, e: AuditEvent) => <Tag>{L.event(e)}</Tag>,
    },
    { title: t('audit.entity'), dataIndex: 'entity', render: entityLabel },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      render: (id: string, e: AuditEvent) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => {
            setIdInput(id);
            table.setFilter({ entity: e.entity, id });
          }}
        >
          {id}
        </Button>
      ),
    },
    { title: t('audit.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '-' },
    {
      title: t('audit.changes'),
      key: 'changes',
      render: (_: unknown, e: AuditEvent) => t('audit.fieldCount', { n: visibleDiff(e.diff).length }),
    },
  ];

  return (
    <PageCard title={t('menu.audit')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('audit.entity')}
          style={{ width: 160 }}
          value={table.state.filters.entity}
          onChange={(entity) => table.setFilter({ entity })}
          options={auditEntities.map((e) => ({ value: e, label: entityLabel(e) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('audit.entityId')}
          value={idInput}
          onChange={(ev) => setIdInput(ev.target.value)}
          onSearch={(v) => table.setFilter({ id: v.trim() || undefined })}
          style={{ width: 200 }}
        />
      </Space>
      <Table<AuditEvent>
        rowKey="id"
        size="middle"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items}
        pagination={table.pagination(data)}
        expandable={{ expandedRowRender: (e) => <Diff e={e} /> }}
        scroll={{ x: 'max-content' }}
      />
    </PageCard>
  );
}
