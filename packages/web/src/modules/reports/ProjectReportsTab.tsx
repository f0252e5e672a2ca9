// 月报 tab of a project: its twelve months of a year (status, timeliness, investment), each linking to its form.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Select, Space, Table, Typography } from 'antd';
import type { MonthlyReport, Project } from '@ducha/contract';
import { useProgress, useReports, type ProgressRow } from '../../api/reports.ts';
import { useT } from '../../app/i18n.tsx';
import { formatMoney } from '../../components/money.ts';
import { ReportSourceTag, ReportStatusTag, ReportTimeliness, TimelinessTag } from './ReportTags.tsx';
import { monthOf, thisMonth } from '../../components/period.ts';

interface MonthRow {
  month: string;
  m: number;
  /** a month is reported after it ends */
  open: boolean;
  report: MonthlyReport | null;
  progress: ProgressRow | null;
}

/** Years to pick: around this year and the project's planned/actual start. */
export function useYearOptions(p: Project) {
  const t = useT();
  const now = Number(thisMonth().slice(0, 4));
  return useMemo(() => {
    const starts = [p.actualStart, p.plannedStart].filter(Boolean).map((d) => Number(String(d).slice(0, 4)));
    const set = new Set([now, now - 1, ...starts.filter((y) => y <= now && y >= now - 10)]);
    return [...set].sort((a, b) => b - a).map((y) => ({ value: y, label: t('project.yearN', { year: y }) }));
  }, [p.actualStart, p.plannedStart, now, t]);
}

export function ProjectReportsTab({ p }: { p: Project }) {
  const t = useT();
  const current = thisMonth();
  const [year, setYear] = useState(Number(current.slice(0, 4)));
  const years = useYearOptions(p);
  const reports = useReports({ projectId: p.id, pageSize: 500 });
  const progress = useProgress(p.id, year);

  const rows = useMemo<MonthRow[]>(() => {
    const out: MonthRow[] = [];
    for (let m = 1; m <= 12; m++) {
      const month = monthOf(year, m);
      const report =
        (reports.data?.items ?? []).find((r) => r.year === year && r.month === m && r.current) ?? null;
      out.push({
        month,
        m,
        open: month < current,
        report,
        progress: progress.data?.find((x) => x.month === m) ?? null,
      });
    }
    return out;
  }, [year, current, reports.data, progress.data]);

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text>{t('period.year')}</Typography.Text>
        <Select value={year} onChange={setYear} options={years} style={{ width: 120 }} />
      </Space>
      <Table<MonthRow>
        rowKey="month"
        size="small"
        pagination={false}
        loading={reports.isFetching || progress.isFetching}
        dataSource={rows}
        data-testid="project-reports"
        columns={[
          { title: t('period.month'), key: 'm', render: (_: unknown, r) => t('plan.monthN', { m: r.m }) },
          {
            title: t('field.status'),
            key: 's',
            render: (_: unknown, r) =>
              r.report ? (
                <>
                  <ReportStatusTag status={r.report.status} />
                  <ReportSourceTag report={r.report} />
                </>
              ) : (
                <Typography.Text type="secondary">
                  {t(r.open ? 'report.notFiled' : 'report.notDue')}
                </Typography.Text>
              ),
          },
          {
            title: t('report.timeliness'),
            key: 'tl',
            render: (_: unknown, r) =>
              r.report ? (
                <ReportTimeliness report={r.report} />
              ) : (
                <TimelinessTag value={r.progress?.timeliness} />
              ),
          },
          {
            title: t('report.investmentMonth'),
            key: 'inv',
            align: 'right',
            render: (_: unknown, r) => formatMoney(r.report?.investmentMonth ?? null),
          },
          {
            title: t('report.investmentYtd'),
            key: 'ytd',
            align: 'right',
            render: (_: unknown, r) => formatMoney(r.report?.investmentYtd ?? null),
          },
          {
            title: t('common.actions'),
            key: 'go',
            render: (_: unknown, r) =>
              r.open && (
                <Link to={`/projects/${p.id}/reports/${r.month}`} data-testid={`project-report-${r.month}`}>
                  {r.report && r.report.status !== 'draft' && r.report.status !== 'returned'
                    ? t('action.detail')
                    : t('inbox.fill')}
                </Link>
              ),
          },
        ]}
      />
    </>
  );
}
