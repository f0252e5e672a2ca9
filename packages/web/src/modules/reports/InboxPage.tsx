// 填报任务: what the unit or reporter must file: every month still owed (overdue first) with this
// cycle's filings, or one month's tasks (due, late, returned, draft), with deadlines and the office's
// 催报 so far.
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useInbox, useReportReminders, type InboxItem } from '../../api/reports.ts';
import { useT } from '../../app/i18n.tsx';
import type { MsgKey } from '../../app/messages/zh.ts';
import { todayInShanghai } from '../../components/format.ts';
import { MonthInput } from '../../components/MonthInput.tsx';
import { isMonth, lastMonth } from '../../components/period.ts';

const stateColors: Record<InboxItem['state'], string> = {
  due: 'processing',
  late: 'error',
  returned: 'warning',
  draft: 'default',
  submitted: 'success',
  verified: 'success',
};

export default function InboxPage() {
  const t = useT();
  // the month lives in the address (?month=YYYY-MM), so a link can open another month's tasks
  const [search, setSearch] = useSearchParams();
  const asked = search.get('month');
  // no month in the address: every month still owed
  const month = isMonth(asked) ? asked : undefined;
  const setMonth = (m: string | undefined) => setSearch(m ? { month: m } : {}, { replace: true });
  const inbox = useInbox(month);
  const today = todayInShanghai();
  // the office's 催报 of the month shown (all months: the open month's)
  const reminderMonth = month ?? lastMonth();
  const reminders = new Map((useReportReminders(reminderMonth).data ?? []).map((r) => [r.projectId, r]));
  const columns = [
    { title: t('project.code'), dataIndex: 'projectCode', width: 140 },
    {
      title: t('field.name'),
      dataIndex: 'projectName',
      render: (name: string, x: InboxItem) => <Link to={`/projects/${x.projectId}`}>{name}</Link>,
    },
    { title: t('period.month'), dataIndex: 'month', width: 100 },
    { title: t('report.deadline'), dataIndex: 'deadline', width: 120 },
    {
      title: t('field.status'),
      dataIndex: 'state',
      width: 120,
      // a draft or a due report past its deadline is late, like a missing one
      render: (s: InboxItem['state'], x: InboxItem) => {
        const late = (s === 'draft' || s === 'due') && x.deadline < today;
        return (
          <Space size={4}>
            <Tag color={stateColors[s]}>{t(`inbox.state.${s}` as MsgKey)}</Tag>
            {late && s === 'draft' && <Tag color="error">{t('inbox.state.late')}</Tag>}
          </Space>
        );
      },
    },
    {
      title: t('inbox.reminders'),
      key: 'reminders',
      width: 120,
      render: (_: unknown, x: InboxItem) => {
        const r = x.month === reminderMonth ? reminders.get(x.projectId) : undefined;
        return r ? (
          <Tooltip title={t('inbox.remindedTip', { date: r.lastRemindedOn })}>
            <Tag color="orange" data-testid={`inbox-reminded-${x.projectId}`}>
              {t('inbox.reminded', { n: r.count })}
            </Tag>
          </Tooltip>
        ) : (
          '-'
        );
      },
    },
    {
      title: t('common.actions'),
      key: 'go',
      width: 120,
      render: (_: unknown, x: InboxItem) => (
        <Link to={`/projects/${x.projectId}/reports/${x.month}`} data-testid={`inbox-fill-${x.projectId}`}>
          {t(
            x.state === 'submitted' || x.state === 'verified'
              ? 'inbox.view'
              : x.state === 'returned'
                ? 'inbox.fix'
                : x.state === 'draft'
                  ? 'inbox.continue'
                  : 'inbox.fill',
          )}
        </Link>
      ),
    },
  ];
  return (
    <Card title={t('menu.reportInbox')} variant="borderless">
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{t('period.month')}</Typography.Text>
        <Button
          type={month ? 'default' : 'primary'}
          onClick={() => setMonth(undefined)}
          data-testid="inbox-all"
        >
          {t('inbox.all')}
        </Button>
        <MonthInput value={month ?? lastMonth()} onChange={setMonth} testId="inbox-month" />
        <Typography.Text type="secondary">{t(month ? 'inbox.help' : 'inbox.allHelp')}</Typography.Text>
      </Space>
      {inbox.error && (
        <Alert type="error" showIcon title={inbox.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<InboxItem>
        rowKey={(x) => `${x.projectId}-${x.month}`}
        size="middle"
        loading={inbox.isFetching}
        columns={columns}
        dataSource={inbox.data}
        locale={{ emptyText: month ? t('inbox.empty', { month }) : t('inbox.emptyAll') }}
        pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }), hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="inbox-table"
      />
    </Card>
  );
}
