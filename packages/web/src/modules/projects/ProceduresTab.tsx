// 前期手续: the project's checklist with status tags and overdue flags; apply a template, add and edit items.
import { useState } from 'react';
import { App, Button, Empty, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, SnippetsOutlined } from '@ant-design/icons';
import type { Procedure, Project } from '@ducha/contract';
import { useApplyTemplate, useProcedureTemplates, useProcedures } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { useApiError } from '../../components/useApiError.ts';
import type { ProjectAccess } from './access.ts';
import { ProcedureForm } from './ProcedureForm.tsx';

const statusColors: Record<Procedure['status'], string> = {
  pending: 'default',
  in_progress: 'processing',
  done: 'success',
  not_required: 'default',
};

export function ProceduresTab({ p, access }: { p: Project; access: ProjectAccess }) {
  const t = useT();
  const L = useLabels();
  const { message } = App.useApp();
  const onError = useApiError();
  const procedures = useProcedures(p.id);
  const templates = useProcedureTemplates();
  const apply = useApplyTemplate();
  const [templateId, setTemplateId] = useState<number | undefined>(undefined);
  const [editing, setEditing] = useState<Procedure | null | undefined>(undefined);
  const items = procedures.data ?? [];
  const done = items.filter((x) => x.status === 'done' || x.status === 'not_required').length;
  const overdue = items.filter((x) => x.overdue).length;
  const template = templates.data?.find((x) => x.id === templateId);

  const applyTemplate = async () => {
    if (!templateId) return;
    try {
      await apply.mutateAsync({ id: p.id, templateId });
      message.success(t('procedure.applied'));
      setTemplateId(undefined);
    } catch (e) {
      onError(e);
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {access.editor && (
          <>
            <Select
              placeholder={t('procedure.template')}
              style={{ width: 240 }}
              value={templateId}
              onChange={setTemplateId}
              loading={templates.isLoading}
              options={(templates.data ?? [])
                .filter((x) => x.active)
                .map((x) => ({ value: x.id, label: x.name }))}
            />
            <Popconfirm
              title={t('procedure.applyConfirm', {
                name: template?.name ?? '',
                n: template?.items.length ?? 0,
              })}
              onConfirm={applyTemplate}
              disabled={!templateId}
            >
              <Button icon={<SnippetsOutlined />} disabled={!templateId} loading={apply.isPending}>
                {t('procedure.apply')}
              </Button>
            </Popconfirm>
            <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="procedure-add">
              {t('procedure.add')}
            </Button>
          </>
        )}
        {items.length > 0 && (
          <Typography.Text type="secondary">
            {t('procedure.progress', { done, n: items.length })}
            {overdue > 0 && (
              <Typography.Text type="danger" style={{ marginLeft: 8 }}>
                {t('procedure.overdueCount', { n: overdue })}
              </Typography.Text>
            )}
          </Typography.Text>
        )}
      </Space>
      <Table<Procedure>
        rowKey="id"
        size="small"
        loading={procedures.isLoading}
        pagination={false}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('procedure.empty')} />,
        }}
        onRow={(x) => ({ style: x.overdue ? { background: '#fff1f0' } : undefined })}
        columns={[
          { title: '#', dataIndex: 'seq', width: 48 },
          { title: t('procedure.name'), dataIndex: 'name' },
          { title: t('procedure.category'), dataIndex: 'category', render: (v: string | null) => v ?? '-' },
          {
            title: t('field.status'),
            dataIndex: 'status',
            render: (s: Procedure['status'], x) => (
              <Space size={4}>
                <Tag color={statusColors[s]}>{L.procedureStatus(s)}</Tag>
                {x.overdue && <Tag color="error">{t('plan.overdue')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('procedure.plannedDate'),
            dataIndex: 'plannedDate',
            render: (v: string | null, x) => (
              <Typography.Text type={x.overdue ? 'danger' : undefined}>{v ?? '-'}</Typography.Text>
            ),
          },
          { title: t('procedure.doneDate'), dataIndex: 'doneDate', render: (v: string | null) => v ?? '-' },
          { title: t('procedure.docNo'), dataIndex: 'docNo', render: (v: string | null) => v ?? '-' },
          { title: t('procedure.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '-' },
          {
            title: t('procedure.note'),
            dataIndex: 'note',
            ellipsis: true,
            render: (v: string | null) => v ?? '-',
          },
          ...(access.editor
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, x: Procedure) => (
                    <Button type="link" size="small" onClick={() => setEditing(x)}>
                      {t('action.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== undefined && (
        <ProcedureForm projectId={p.id} editing={editing} onClose={() => setEditing(undefined)} />
      )}
    </>
  );
}
