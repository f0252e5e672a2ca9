// 名单: the lists and batches the project is on (and was on: removed rows greyed with their reason).
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import type { Project } from '@ducha/contract';
import { api } from '../../api/client.ts';
import { useProjectLists, type ProjectListDetail } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { formatDate } from '../../components/format.ts';

interface Row {
  key: string;
  listId: number;
  listName: string;
  year: number;
  level: ProjectListDetail['level'];
  status: ProjectListDetail['status'];
  batch: string;
  addedAt: string;
  removedAt: string | null;
  reason: string | null;
}

export function MembershipTab({ p }: { p: Project }) {
  const t = useT();
  const L = useLabels();
  const lists = useProjectLists();
  // No endpoint answers "the lists of a project": read each list in scope (a few per year).
  const details = useQueries({
    queries: (lists.data?.items ?? []).map((l) => ({
      queryKey: ['project-lists', 'one', String(l.id)],
      queryFn: () => api.get<ProjectListDetail>(`/api/project-lists/${l.id}`),
    })),
  });
  if (lists.isLoading || details.some((d) => d.isLoading)) return <Skeleton active />;
  const failed = details.find((d) => d.error);
  const rows: Row[] = details
    .flatMap((d) => {
      const l = d.data;
      if (!l) return [];
      return l.members
        .filter((m) => m.projectId === p.id)
        .map((m, i) => ({
          key: `${l.id}-${i}`,
          listId: l.id,
          listName: l.name,
          year: l.year,
          level: l.level,
          status: l.status,
          batch: m.batch,
          addedAt: m.addedAt,
          removedAt: m.removedAt,
          reason: m.reason,
        }));
    })
    .sort(
      (a, b) =>
        b.year - a.year ||
        Number(!!a.removedAt) - Number(!!b.removedAt) ||
        b.addedAt.localeCompare(a.addedAt),
    );

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
