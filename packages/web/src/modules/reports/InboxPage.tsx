// 填报任务: what the unit or reporter must file for a month (due, late, returned, draft), with deadlines and the
// office's 催报 so far.
import { Link, useSearchParams } from 'react-router';
import { Alert, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useInbox, useReportReminders, type InboxItem } from '../../api/reports.ts';
import { useT } from '../../app/i18n.tsx';
import type { MsgKey } from '../../app/messages/zh.ts';
import { MonthInput } from '../../components/MonthInput.tsx';
import { isMonth, lastMonth } from '../../components/period.ts';

const stateColors: Record<InboxItem['state'], string> = {
  due: 'processing',
  late: 'error',
  returned: 'warning',
  draft: 'default',
};

export default function InboxPage() {
  const t = useT();
  // the month lives in the address (?month=YYYY-MM), so a link can open another month's tasks
  const [search, setSearch] = useSearchParams();
  const asked = search.get('month');
  const month = isMonth(asked) ? asked : lastMonth();
  const setMonth = (m: string) => setSearch({ month: m }, { replace: true });
  const inbox = useInbox(month);
  const reminders = new Map((useReportReminders(month).data ?? []).map((r) => [r.projectId, r]));
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
      render: (s: InboxItem['state']) => <Tag color={stateColors[s]}>{t(`inbox.state.${s}` as MsgKey)}</Tag>,
    },
    {
      title: t('inbox.reminders'),
      key: 'reminders',
      width: 120,
      render: (_: unknown, x: InboxItem) => {
        const r = reminders.get(x.projectId);
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
          {t(x.state === 'returned' ? 'inbox.fix' : x.state === 'draft' ? 'inbox.continue' : 'inbox.fill')}
        </Link>
      ),
    },
  ];
  return (
    <Card title={t('menu.reportInbox')} variant="borderless">
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{t('period.month')}</Typography.Text>
        <MonthInput value={month} onChange={setMonth} testId="inbox-month" />
        <Typography.Text type="secondary">{t('inbox.help')}</Typography.Text>
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
        locale={{ emptyText: t('inbox.empty', { month }) }}
        pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }), hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="inbox-table"
      />
    </Card>
  );
}
