// 名单: the lists and batches the project is on (and was on: removed rows greyed with their reason).
import { Link } from 'react-router';
import { Alert, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import type { Project } from '@ducha/contract';
import { useProjectMemberships } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { formatDate } from '../../components/format.ts';

export function MembershipTab({ p }: { p: Project }) {
  const t = useT();
  const L = useLabels();
  const memberships = useProjectMemberships(p.id);
  if (memberships.isLoading) return <Skeleton active />;
  const rows = (memberships.data ?? []).map((m, i) => ({
    ...m,
    key: `${m.listId}-${i}`,
    status: m.listStatus,
  }));
  const failed = memberships;
  type Row = (typeof rows)[number];

  return (
    <>
      {failed?.error && (
        <Alert type="error" showIcon title={failed.error.message} style={{ marginBottom: 12 }} />
      )}
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="project-memberships"
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('membership.none')} />,
        }}
        onRow={(r) => ({ style: r.removedAt ? { opacity: 0.5 } : undefined })}
        columns={[
          { title: t('list.year'), dataIndex: 'year', width: 80 },
          {
            title: t('list.name'),
            dataIndex: 'listName',
            render: (v: string, r) => <Link to={`/lists/${r.listId}`}>{v}</Link>,
          },
          { title: t('list.level'), dataIndex: 'level', render: (v: Row['level']) => L.listLevel(v) },
          {
            title: t('list.batch'),
            dataIndex: 'batch',
            render: (v: string) => <Tag color="blue">{L.batch(v)}</Tag>,
          },
          { title: t('list.addedAt'), dataIndex: 'addedAt', render: (v: string) => formatDate(v) },
          {
            title: t('field.status'),
            key: 'state',
            render: (_: unknown, r) =>
              r.removedAt ? (
                <Typography.Text type="secondary">
                  {t('list.removedOn', { date: formatDate(r.removedAt) })}
                  {r.reason ? `：${r.reason}` : ''}
                </Typography.Text>
              ) : (
                <Tag color="success">{t('list.current')}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
