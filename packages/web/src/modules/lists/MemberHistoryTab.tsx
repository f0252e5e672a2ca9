// A list's history: every stay of every project the caller reads, newest first, 50 at a time from the server.
import { useState } from 'react';
import { Table, Typography } from 'antd';
import { useListMembers, type ListMember } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { formatDate } from '../../components/format.ts';

const PAGE_SIZE = 50;

export function MemberHistoryTab({ listId }: { listId: number }) {
  const t = useT();
  const L = useLabels();
  const [page, setPage] = useState(1);
  const history = useListMembers(listId, { page, pageSize: PAGE_SIZE, history: true });
  return (
    <Table<ListMember>
      rowKey={(m) => `${m.projectId}-${m.addedAt}`}
      size="small"
      dataSource={history.data?.items ?? []}
      loading={history.isFetching}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total: history.data?.total ?? 0,
        onChange: setPage,
        showSizeChanger: false,
        hideOnSinglePage: true,
        showTotal: (n) => t(history.data?.totalIsEstimate ? 'common.totalEstimate' : 'common.total', { n }),
      }}
      onRow={(m) => ({ style: m.removedAt ? { opacity: 0.5 } : undefined })}
      data-testid="list-history"
      columns={[
        { title: t('project.code'), dataIndex: 'code' },
        { title: t('project.name'), dataIndex: 'name' },
        { title: t('list.batch'), dataIndex: 'batch', render: (v: string) => L.batch(v) },
        { title: t('list.addedAt'), dataIndex: 'addedAt', render: (v: string) => formatDate(v) },
        {
          title: t('list.removedAt'),
          dataIndex: 'removedAt',
          render: (v: string | null) =>
            v ? formatDate(v) : <Typography.Text type="success">{t('list.current')}</Typography.Text>,
        },
        { title: t('field.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '-' },
      ]}
    />
  );
}
