// 逾期催报: the month's missing and late reports in scope with their 催报 so far; the office reminds the
// selected projects, or every late one, in one action (one notice per unit, counted, on each project's timeline).
// The office also finds the month's Excel import here (offices that collect the reports in Excel).
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Input, Space, Table, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import type { OverdueReport } from '@ducha/contract';
import { useOverdueReports, useRemindReports } from '../../api/reports.ts';
import { isOffice } from '../../app/access.ts';
import { useMe } from '../../app/auth.tsx';
import { ForbiddenPage } from '../../app/ErrorPages.tsx';
import { useT } from '../../app/i18n.tsx';
import type { MsgKey } from '../../app/messages/zh.ts';
import { BatchBar, useBatchFeedback, useRowSelection } from '../../components/batch.tsx';
import { MonthInput } from '../../components/MonthInput.tsx';
import { isMonth, lastMonth } from '../../components/period.ts';
import { PageCard } from '../../components/StatusTag.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { NoteModal } from '../../components/NoteModal.tsx';

type Row = OverdueReport & { id: number };

const stateColors: Record<OverdueReport['state'], string> = {
  missing: 'error',
  draft: 'warning',
  returned: 'magenta',
};

/** The note and the confirmation of a 催报: the selected projects, or every late one of the month. */
function RemindModal({
  month,
  projects,
  all,
  onClose,
}: {
  month: string;
  /** the projects selected; null: every late project of the month */
  projects: Row[] | null;
  /** every late project of the month (names for the answer) */
  all: readonly Row[];
  onClose: (sent: boolean) => void;
}) {
  const t = useT();
  const onError = useApiError();
  const feedback = useBatchFeedback();
  const remind = useRemindReports();
  const names = new Map(all.map((p) => [p.projectId, `${p.projectCode} ${p.projectName}`]));
  const count = projects?.length ?? all.length;
  const send = (note: string | null) =>
    remind.mutateAsync({ month, projectIds: projects?.map((p) => p.projectId), note }).then((res) => {
      feedback(res, {
        done:
          t('overdue.sent', { done: res.done, units: res.units, accounts: res.accounts }) +
          (res.silentUnits > 0 ? t('overdue.silent', { n: res.silentUnits }) : ''),
        label: (id) => names.get(id) ?? `#${id}`,
      });
      onClose(true);
    }, onError);
  return (
    <NoteModal
      title={projects ? t('overdue.titleSelected', { n: count }) : t('overdue.titleAll', { month, n: count })}
      okText={t('overdue.send')}
      help={t('overdue.confirmHelp')}
      noteLabel={t('overdue.note')}
      placeholder={t('overdue.notePlaceholder')}
      maxLength={300}
      pending={remind.isPending}
      testIds={{ ok: 'overdue-send', note: 'overdue-note' }}
      onOk={send}
      onCancel={() => onClose(false)}
    />
  );
}

function OverdueTable() {
  const t = useT();
  const me = useMe();
  const office = isOffice(me.role);
  const [search, setSearch] = useSearchParams();
  const asked = search.get('month');
  // without ?month= the route opens on the month last due (app/pages/Overdue.tsx)
  const month = isMonth(asked) ? asked : lastMonth();
  const [q, setQ] = useState('');
  const query = useOverdueReports(month);
  const selection = useRowSelection<Row>();
  const [reminding, setReminding] = useState<'selected' | 'all' | null>(null);

  const allRows = useMemo<Row[]>(
    () => (query.data ?? []).map((x) => ({ ...x, id: x.projectId })),
    [query.data],
  );
  const rows = useMemo<Row[]>(() => {
    const needle = q.trim();
    if (!needle) return allRows;
    return allRows.filter((x) =>
      [x.projectCode, x.projectName, x.responsibleUnit?.name, x.ownerUnit?.name].some((s) =>
        s?.includes(needle),
      ),
    );
  }, [allRows, q]);

  const setMonth = (m: string) => {
    selection.clear();
    setSearch({ month: m }, { replace: true });
  };
  const columns = [
    { title: t('project.code'), dataIndex: 'projectCode', width: 140 },
    {
      title: t('field.name'),
      dataIndex: 'projectName',
      render: (name: string, x: Row) => (
        <Link to={`/projects/${x.projectId}/reports/${x.month}`}>{name}</Link>
      ),
    },
    {
      title: t('field.status'),
      dataIndex: 'state',
      render: (s: Row['state']) => <Tag color={stateColors[s]}>{t(`overdue.state.${s}` as MsgKey)}</Tag>,
    },
    { title: t('overdue.deadline'), dataIndex: 'deadline', width: 110 },
    {
      title: t('overdue.count'),
      dataIndex: 'reminderCount',
      align: 'right' as const,
      render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : '0'),
    },
    { title: t('overdue.last'), dataIndex: 'lastRemindedOn', render: (d: string | null) => d ?? '-' },
    { title: t('project.region'), dataIndex: 'regionName' },
    {
      title: t('project.responsibleUnit'),
      key: 'unit',
      render: (_: unknown, x: Row) => x.responsibleUnit?.name ?? '-',
    },
    { title: t('overdue.ownerUnit'), key: 'owner', render: (_: unknown, x: Row) => x.ownerUnit?.name ?? '-' },
  ];

  return (
    <PageCard
      title={t('menu.reportOverdue')}
      extra={
        office && (
          <Button
            type="primary"
            icon={<BellOutlined />}
            disabled={!query.data?.length}
            onClick={() => setReminding('all')}
            data-testid="overdue-remind-all"
          >
            {t('overdue.remindAll', { n: query.data?.length ?? 0 })}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{t('period.month')}</Typography.Text>
        <MonthInput value={month} onChange={setMonth} testId="overdue-month" />
        {office && (
          <Link to={`/reports/import?month=${month}`} data-testid="overdue-to-import">
            {t('rimport.link')}
          </Link>
        )}
        <Input.Search
          allowClear
          placeholder={t('overdue.search')}
          onSearch={setQ}
          style={{ width: 300 }}
          data-testid="overdue-search"
        />
      </Space>
      <Typography.Paragraph type="secondary">{t('overdue.help')}</Typography.Paragraph>
      {query.error && (
        <Alert type="error" showIcon title={query.error.message} style={{ marginBottom: 16 }} />
      )}
      {office && (
        <BatchBar count={selection.count} onClear={selection.clear} testId="overdue-batch">
          <Button
            type="primary"
            onClick={() => setReminding('selected')}
            data-testid="overdue-remind-selected"
          >
            {t('overdue.remindSelected', { n: selection.count })}
          </Button>
        </BatchBar>
      )}
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={query.isFetching}
        columns={columns}
        dataSource={rows}
        rowSelection={office ? selection.rowSelection : undefined}
        locale={{ emptyText: t('overdue.empty', { month }) }}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => t('common.total', { n }),
        }}
        scroll={{ x: 'max-content' }}
        data-testid="overdue-table"
      />
      {reminding && (
        <RemindModal
          month={month}
          projects={reminding === 'selected' ? selection.selected : null}
          all={allRows}
          onClose={(sent) => {
            setReminding(null);
            if (sent) selection.clear();
          }}
        />
      )}
    </PageCard>
  );
}

export default function OverduePage() {
  const me = useMe();
  return isOffice(me.role) || me.role === 'leader' ? <OverdueTable /> : <ForbiddenPage />;
}
