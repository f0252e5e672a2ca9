// 审核队列: the office's submitted reports of a month, verified or returned in place (or several verified in one
// action), each linking to its form; a link to the month's late reports and 催报.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { App, Button, Popconfirm, Space, Tag } from 'antd';
import type { MonthlyReport } from '@ducha/contract';
import { useReports, useVerifyReport, useVerifyReports } from '../../api/reports.ts';
import { useMe } from '../../app/auth.tsx';
import { ForbiddenPage } from '../../app/ErrorPages.tsx';
import { useT } from '../../app/i18n.tsx';
import { BatchBar, useBatchFeedback, useRowSelection } from '../../components/batch.tsx';
import { formatDateTime } from '../../components/format.ts';
import { ListPage } from '../../components/ListPage.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useTableState } from '../../components/useTableState.ts';
import { formatMoney } from '../../components/money.ts';
import { MonthInput } from '../../components/MonthInput.tsx';
import { ReturnModal } from './ReturnModal.tsx';
import { ReportSourceTag, TimelinessTag } from './ReportTags.tsx';
import { isOffice } from '../../app/access.ts';
import { isMonth, lastMonth, monthOf } from '../../components/period.ts';

type Filters = { month: string; status: 'submitted' };

function QueueTable() {
  const t = useT();
  const { message } = App.useApp();
  const onError = useApiError();
  const asked = useSearchParams()[0].get('month');
  const table = useTableState<Filters>({ month: isMonth(asked) ? asked : lastMonth(), status: 'submitted' });
  const query = useReports(table.params);
  const verify = useVerifyReport();
  const verifyMany = useVerifyReports();
  const selection = useRowSelection<MonthlyReport>();
  const feedback = useBatchFeedback();
  const [returning, setReturning] = useState<MonthlyReport | null>(null);
  const monthOfReport = (r: MonthlyReport) => monthOf(r.year, r.month);
  const month = table.state.filters.month;

  const verifySelected = () => {
    const rows = selection.selected;
    const names = new Map(rows.map((r) => [r.id, `${r.projectCode} ${r.projectName}`]));
    return verifyMany.mutateAsync(rows.map((r) => ({ id: r.id, version: r.version }))).then((res) => {
      selection.clear();
      feedback(res, {
        done: t('queue.verifiedMany', { n: res.done }),
        label: (id) => names.get(id) ?? `#${id}`,
      });
    }, onError);
  };
  const columns = [
    { title: t('project.code'), dataIndex: 'projectCode', width: 140 },
    {
      title: t('field.name'),
      dataIndex: 'projectName',
      render: (name: string, r: MonthlyReport) => (
        <Link to={`/projects/${r.projectId}/reports/${monthOfReport(r)}`}>{name}</Link>
      ),
    },
    {
      title: t('report.investmentMonth'),
      dataIndex: 'investmentMonth',
      align: 'right' as const,
      render: (v: string) => formatMoney(v),
    },
    {
      title: t('report.submittedAt'),
      dataIndex: 'submittedAt',
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: t('report.timeliness'),
      dataIndex: 'timeliness',
      render: (v: MonthlyReport['timeliness'], r: MonthlyReport) => (
        <>
          <TimelinessTag value={v} />
          <ReportSourceTag report={r} />
        </>
      ),
    },
    {
      title: t('queue.reminders'),
      dataIndex: 'reminderCount',
      render: (n: number) => (n > 0 ? <Tag color="orange">{t('inbox.reminded', { n })}</Tag> : '-'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, r: MonthlyReport) => (
        <Space size={0}>
          <Popconfirm
            title={t('report.verifyConfirm')}
            onConfirm={() =>
              verify
                .mutateAsync({ projectId: r.projectId, month: monthOfReport(r), version: r.version })
                .then(() => message.success(t('report.verifiedOk')), onError)
            }
            okButtonProps={{ 'data-testid': 'queue-verify-ok' }}
          >
            <Button type="link" data-testid={`queue-verify-${r.projectId}`}>
              {t('report.verify')}
            </Button>
          </Popconfirm>
          <Button
            type="link"
            danger
            onClick={() => setReturning(r)}
            data-testid={`queue-return-${r.projectId}`}
          >
            {t('report.return')}
          </Button>
          <Link to={`/projects/${r.projectId}/reports/${monthOfReport(r)}`}>{t('action.detail')}</Link>
        </Space>
      ),
    },
  ];
  return (
    <ListPage<MonthlyReport, Filters>
      title={t('menu.reportQueue')}
      testId="queue"
      table={table}
      query={query}
      searchPlaceholder={t('project.search')}
      filters={
        <>
          <MonthInput
            value={month}
            onChange={(m) => {
              selection.clear();
              table.setFilter({ month: m });
            }}
            testId="queue-month"
          />
          <Link to={`/reports/overdue?month=${month}`} data-testid="queue-to-overdue">
            {t('queue.toOverdue')}
          </Link>
          <Link to={`/reports/import?month=${month}`} data-testid="queue-to-import">
            {t('rimport.link')}
          </Link>
        </>
      }
      columns={columns}
      rowSelection={selection.rowSelection}
      batchBar={
        <BatchBar count={selection.count} onClear={selection.clear} testId="queue-batch">
          <Popconfirm
            title={t('queue.batchVerifyConfirm', { n: selection.count })}
            onConfirm={verifySelected}
            okButtonProps={{ 'data-testid': 'queue-batch-verify-ok' }}
          >
            <Button type="primary" loading={verifyMany.isPending} data-testid="queue-batch-verify">
              {t('queue.batchVerify', { n: selection.count })}
            </Button>
          </Popconfirm>
        </BatchBar>
      }
    >
      {returning && <ReturnModal report={returning} onClose={() => setReturning(null)} />}
    </ListPage>
  );
}

export default function QueuePage() {
  const me = useMe();
  return isOffice(me.role) ? <QueueTable /> : <ForbiddenPage />;
}
