// A list's current members, 50 at a time from the server, by batch (a segmented filter with the
// server's counts) and by code or name; add, change batch, remove; pending marks.
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Empty, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  useListMembers,
  type ListAdjustment,
  type ListMember,
  type ProjectListHeader,
} from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { formatDate } from '../../components/format.ts';
import { MemberChangeModal, type MemberAction } from './MemberChangeModal.tsx';

export interface MembersTabProps {
  list: ProjectListHeader;
  adjustments: ListAdjustment[];
  /** May add, re-batch and remove (the server has the last word). */
  writable: boolean;
  onShowAdjustments: () => void;
}

const PAGE_SIZE = 50;

export function MembersTab({ list, adjustments, writable, onShowAdjustments }: MembersTabProps) {
  const t = useT();
  const L = useLabels();
  const [batch, setBatch] = useState<string>('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [action, setAction] = useState<MemberAction | null>(null);
  const members = useListMembers(list.id, {
    page,
    pageSize: PAGE_SIZE,
    batch: batch || undefined,
    q: q || undefined,
  });
  const counts = members.data?.batchCounts ?? {};
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
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
          onChange={(v) => {
            setBatch(String(v));
            setPage(1);
          }}
          options={[
            { value: '', label: t('list.allBatches', { n: all }) },
            ...list.batches.map((b) => ({ value: b, label: `${L.batch(b)} (${counts[b] ?? 0})` })),
          ]}
          data-testid="batch-filter"
        />
        <Input.Search
          allowClear
          placeholder={t('list.searchMembers')}
          style={{ width: 240 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          data-testid="member-search"
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
        dataSource={members.data?.items ?? []}
        loading={members.isFetching}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: members.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (n) => t(members.data?.totalIsEstimate ? 'common.totalEstimate' : 'common.total', { n }),
        }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t(q ? 'list.noMatch' : 'list.noMembers')}
            />
          ),
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
