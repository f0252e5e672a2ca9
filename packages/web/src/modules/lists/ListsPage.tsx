// 名单管理: the year's project lists by level, with status, member and pending-adjustment counts; create.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Badge, Button, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { listLevels, type ProjectList } from '@ducha/contract';
import { useProjectLists } from '../../api/projects.ts';
import { useMe } from '../../app/auth.tsx';
import { managerRoles } from '../../app/access.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { formatDateTime } from '../../components/format.ts';
import { ListToolbar } from '../../components/ListPage.tsx';
import { PageCard } from '../../components/StatusTag.tsx';
import { ListForm } from './ListForm.tsx';

export function ListStatusTag({ status }: { status: ProjectList['status'] }) {
  const t = useT();
  return status === 'published' ? (
    <Tag color="green">{t('list.published')}</Tag>
  ) : (
    <Tag color="orange">{t('list.draft')}</Tag>
  );
}

export default function ListsPage() {
  const t = useT();
  const L = useLabels();
  const me = useMe();
  const navigate = useNavigate();
  const manager = managerRoles.includes(me.role);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number | undefined>(thisYear);
  const [level, setLevel] = useState<ProjectList['level'] | undefined>(undefined);
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const lists = useProjectLists({ year, level });
  const items = (lists.data?.items ?? []).filter((l) => !q || l.name.includes(q));

  return (
    <PageCard
      title={t('menu.lists')}
      extra={
        manager && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="list-create"
          >
            {t('list.create')}
          </Button>
        )
      }
    >
      <ListToolbar searchPlaceholder={t('list.search')} onSearch={setQ}>
        <Select
          allowClear
          placeholder={t('list.year')}
          style={{ width: 120 }}
          value={year}
          onChange={setYear}
          options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({
            value: y,
            label: t('project.yearN', { year: y }),
          }))}
        />
        <Select
          allowClear
          placeholder={t('list.level')}
          style={{ width: 160 }}
          value={level}
          onChange={setLevel}
          options={listLevels.map((l) => ({ value: l, label: L.listLevel(l) }))}
        />
      </ListToolbar>
      <Table<ProjectList>
        rowKey="id"
        size="middle"
        loading={lists.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('list.year'), dataIndex: 'year', width: 80 },
          {
            title: t('list.name'),
            dataIndex: 'name',
            render: (v: string, l) => <Link to={`/lists/${l.id}`}>{v}</Link>,
          },
          { title: t('list.level'), dataIndex: 'level', render: (v: ProjectList['level']) => L.listLevel(v) },
          { title: t('field.region'), dataIndex: 'regionName' },
          { title: t('list.batchScheme'), dataIndex: 'batchScheme', render: (v: string) => L.batchScheme(v) },
          {
            title: t('field.status'),
            dataIndex: 'status',
            render: (s: ProjectList['status']) => <ListStatusTag status={s} />,
          },
          { title: t('list.members'), dataIndex: 'memberCount', align: 'right' },
          {
            title: t('list.pending'),
            dataIndex: 'pendingAdjustments',
            align: 'right',
            render: (n: number, l) =>
              n ? (
                <a onClick={() => navigate(`/lists/${l.id}?tab=adjustments`)}>
                  <Badge count={n} />
                </a>
              ) : (
                0
              ),
          },
          {
            title: t('list.publishedAt'),
            dataIndex: 'publishedAt',
            render: (v: string | null) => formatDateTime(v),
          },
        ]}
      />
      {creating && (
        <ListForm onClose={() => setCreating(false)} onSaved={(l) => navigate(`/lists/${l.id}`)} />
      )}
    </PageCard>
  );
}
