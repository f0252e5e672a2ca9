// A list's current members by batch (a segmented filter with counts); add, change batch, remove; pending marks.
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ProjectListDetail, ListAdjustment, ListMember } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { formatDate } from '../../components/format.ts';
import { MemberChangeModal, type MemberAction } from './MemberChangeModal.tsx';

export interface MembersTabProps {
  list: ProjectListDetail;
  adjustments: ListAdjustment[];
  /** May add, re-batch and remove (the server has the last word). */
  writable: boolean;
  onShowAdjustments: () => void;
}

export function MembersTab({ list, adjustments, writable, onShowAdjustments }: MembersTabProps) {
  const t = useT();
  const L = useLabels();
  const [batch, setBatch] = useState<string>('');
  const [action, setAction] = useState<MemberAction | null>(null);
  const current = list.members.filter((m) => !m.removedAt);
  const shown = batch ? current.filter((m) => m.batch === batch) : current;
  const pending = adjustments.filter((a) => a.status === 'pending');
  const pendingOf = (projectId: number) => pending.find((a) => a.projectId === projectId);

  return (
    <>
      {pending.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('list.pendingCount', { n: pending.length })}
          action={
            <Button size="small" onClick={onShowAdjustments}>
              {t('list.viewAdjustments')}
            </Button>
          }
        />
      )}
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Segmented
          value={batch}
          onChange={(v) => setBatch(String(v))}
          options={[
            { value: '', label: t('list.allBatches', { n: current.length }) },
            ...list.batches.map((b) => ({
              value: b,
              label: `${L.batch(b)} (${current.filter((m) => m.batch === b).length})`,
            })),
          ]}
          data-testid="batch-filter"
        />
        {writable && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAction({ kind: 'add' })}
            data-testid="member-add"
          >
            {t('list.addProject')}
          </Button>
        )}
      </Space>
      <Table<ListMember>
        rowKey={(m) => `${m.projectId}-${m.addedAt}`}
        size="small"
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('list.noMembers')} />,
        }}
        data-testid="list-members"
        columns={[
          { title: t('project.code'), dataIndex: 'code', width: 140 },
          {
            title: t('project.name'),
            dataIndex: 'name',
            render: (v: string, m) => (
              <Space size={4}>
                <Link to={`/projects/${m.projectId}`}>{v}</Link>
                {pendingOf(m.projectId) && (
                  <Tag color="orange">
                    {t('list.pendingTag', { kind: L.adjustmentKind(pendingOf(m.projectId)!.kind) })}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('list.batch'),
            dataIndex: 'batch',
            render: (v: string) => <Tag color="blue">{L.batch(v)}</Tag>,
          },
          {
            title: t('list.addedAt'),
            dataIndex: 'addedAt',
            width: 110,
            render: (v: string) => formatDate(v),
          },
          {
            title: t('field.reason'),
            dataIndex: 'reason',
            render: (v: string | null) => v ?? <Typography.Text type="secondary">-</Typography.Text>,
          },
          ...(writable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, m: ListMember) =>
                    m.editable && (
                      <Space size={0}>
                        <Button
                          type="link"
                          size="small"
                          onClick={() => setAction({ kind: 'change_batch', member: m })}
                        >
                          {t('list.changeBatch')}
                        </Button>
                        <Button
                          type="link"
                          size="small"
                          danger
                          onClick={() => setAction({ kind: 'remove', member: m })}
                        >
                          {t('list.remove')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {action && <MemberChangeModal list={list} action={action} onClose={() => setAction(null)} />}
    </>
  );
}
