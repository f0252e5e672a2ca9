// 督查组: one group, its people and projects, the weekly site records and the month summary (月通报).
import { useState } from 'react';
import { Alert, Button, Descriptions, Space, Table, Tabs, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import type { SiteRecord } from '@ducha/contract';
import { useGroup, useMonthSummary, useRecords } from '../../../api/inspection-groups.ts';
import { useT } from '../../../app/i18n.tsx';
import { useLabels } from '../../../app/labels.ts';
import { MonthInput } from '../../../components/MonthInput.tsx';
import { PageCard } from '../../../components/StatusTag.tsx';
import { thisMonth } from '../../../components/period.ts';
import { GroupForm } from './GroupForm.tsx';
import { RecordForm } from './RecordForm.tsx';

export default function GroupPage() {
  const t = useT();
  const id = Number(useParams().id);
  const { data: g, error } = useGroup(id);
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState<{ projectId?: number; record?: SiteRecord } | null>(null);
  if (error) return <Alert type="error" title={String(error)} />;
  if (!g) return null;
  const members = g.members.map((m) => [m.name, m.title].filter(Boolean).join(' '));
  return (
    <PageCard
      title={`${g.name}（${g.regionName} ${g.year}）`}
      extra={
        <Space>
          {g.canRecord && (
            <Button type="primary" onClick={() => setRecording({})} data-testid="record-create">
              {t('record.create')}
            </Button>
          )}
          {g.canManage && <Button onClick={() => setEditing(true)}>{t('group.edit')}</Button>}
        </Space>
      }
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('group.sector')}>{g.sector}</Descriptions.Item>
        <Descriptions.Item label={t('group.leader')}>
          {[g.leaderName, g.leaderTitle].filter(Boolean).join(' ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('group.members')} span={2}>
          {members.length ? members.join('；') : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          {
            key: 'projects',
            label: `${t('group.tabProjects')}（${g.projects.length}）`,
            children: (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={g.projects}
                columns={[
                  {
                    title: t('record.project'),
                    render: (_, p) => <Link to={`/projects/${p.id}`}>{`${p.code} ${p.name}`}</Link>,
                  },
                  {
                    title: t('group.lastWeek'),
                    dataIndex: 'lastWeekOf',
                    render: (v: string | null) => v ?? <Tag>{t('group.noRecord')}</Tag>,
                  },
                  {
                    title: t('common.actions'),
                    render: (_, p) =>
                      g.canRecord && (
                        <Button size="small" type="link" onClick={() => setRecording({ projectId: p.id })}>
                          {t('record.create')}
                        </Button>
                      ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'records',
            label: t('group.tabRecords'),
            children: (
              <Records groupId={g.id} onEdit={g.canRecord ? (r) => setRecording({ record: r }) : undefined} />
            ),
          },
          { key: 'summary', label: t('group.tabSummary'), children: <Summary groupId={g.id} /> },
        ]}
      />
      {editing && <GroupForm editing={g} onClose={() => setEditing(false)} />}
      {recording && (
        <RecordForm
          group={g}
          projectId={recording.projectId}
          editing={recording.record}
          onClose={() => setRecording(null)}
        />
      )}
    </PageCard>
  );
}

function Records({ groupId, onEdit }: { groupId: number; onEdit?: (r: SiteRecord) => void }) {
  const t = useT();
  const labels = useLabels();
  const [page, setPage] = useState(1);
  const { data, isFetching } = useRecords(groupId, { page, pageSize: 20 });
  return (
    <Table<SiteRecord>
      rowKey="id"
      size="small"
      loading={isFetching}
      dataSource={data?.items ?? []}
      pagination={{
        current: page,
        pageSize: 20,
        total: data?.total ?? 0,
        onChange: setPage,
        showSizeChanger: false,
      }}
      columns={[
        { title: t('record.weekOf'), dataIndex: 'weekOf', width: 110 },
        { title: t('record.project'), render: (_, r) => `${r.projectCode} ${r.projectName}` },
        { title: t('record.progress'), dataIndex: 'progress' },
        { title: t('record.problems'), dataIndex: 'problems' },
        { title: t('record.nextWeek'), dataIndex: 'nextWeek' },
        {
          title: t('record.items'),
          render: (_, r) => (
            <Space orientation="vertical" size={0}>
              {r.items.map((i) => (
                <Link key={i.id} to={`/items/${i.id}`}>
                  {i.code} {i.title} <Tag>{labels.itemStatus(i.status)}</Tag>
                </Link>
              ))}
            </Space>
          ),
        },
        { title: t('record.by'), dataIndex: 'createdByName', width: 90 },
        ...(onEdit
          ? [
              {
                title: t('common.actions'),
                width: 80,
                render: (_: unknown, r: SiteRecord) => (
                  <Button size="small" type="link" onClick={() => onEdit(r)}>
                    {t('action.edit')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function Summary({ groupId }: { groupId: number }) {
  const t = useT();
  const [month, setMonth] = useState(thisMonth());
  const { data } = useMonthSummary(groupId, month);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {t('summary.month')}
        <MonthInput value={month} onChange={setMonth} testId="summary-month" />
      </Space>
      {data && (
        <>
          <Alert
            type={data.totals.records < data.totals.expected ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            title={t('summary.totals', {
              expected: data.totals.expected,
              records: data.totals.records,
              problems: data.totals.problemsRaised,
              open: data.totals.openItems,
            })}
          />
          <Table
            rowKey="projectId"
            size="small"
            pagination={false}
            dataSource={data.projects}
            columns={[
              { title: t('record.project'), render: (_, p) => `${p.code} ${p.name}` },
              { title: t('summary.weeksRecorded'), render: (_, p) => p.weeksRecorded.length },
              {
                title: t('summary.missingWeeks'),
                render: (_, p) =>
                  p.missingWeeks.map((w) => (
                    <Tag color="orange" key={w}>
                      {w.slice(5)}
                    </Tag>
                  )),
              },
              { title: t('summary.latest'), dataIndex: 'latestProgress' },
              { title: t('summary.problemsRaised'), dataIndex: 'problemsRaised' },
              { title: t('summary.openItems'), dataIndex: 'openItems' },
            ]}
          />
        </>
      )}
    </>
  );
}
