// Tags of a monthly report: its workflow status (草稿/已报送/已审核/已退回) and timeliness (按时/逾期/未报),
// or 逾期未报 for one never submitted past its deadline.
import { Tag, Tooltip } from 'antd';
import type { MonthlyReport } from '@ducha/contract';
import type { Timeliness } from '../../api/reports.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { formatDateTime } from '../../components/format.ts';

const statusColors: Record<MonthlyReport['status'], string> = {
  draft: 'default',
  submitted: 'processing',
  verified: 'success',
  returned: 'error',
};
const timelinessColors: Record<Timeliness, string> = { on_time: 'green', late: 'orange', missing: 'red' };

export function ReportStatusTag({ status }: { status: MonthlyReport['status'] }) {
  const L = useLabels();
  return <Tag color={statusColors[status]}>{L.reportStatus(status)}</Tag>;
}

export function TimelinessTag({ value }: { value: Timeliness | null | undefined }) {
  const L = useLabels();
  if (!value) return null;
  return <Tag color={timelinessColors[value]}>{L.timeliness(value)}</Tag>;
}

/**
 * A report's timeliness as its readers need it: 逾期未报 (red) when never submitted past the deadline,
 * nothing while a draft is not yet due, else 按时 / 逾期 of the first submission.
 */
export function ReportTimeliness({ report }: { report: Pick<MonthlyReport, 'timeliness' | 'overdue'> }) {
  const t = useT();
  if (report.overdue)
    return (
      <Tag color="red" data-testid="report-overdue">
        {t('report.overdueTag')}
      </Tag>
    );
  if (report.timeliness === 'missing') return null;
  return <TimelinessTag value={report.timeliness} />;
}

/** 导入: a report the office imported from a 月度信息报表, with who imported it and when. */
export function ReportSourceTag({
  report,
}: {
  report: Pick<MonthlyReport, 'source' | 'importedBy' | 'importedAt'>;
}) {
  const t = useT();
  if (report.source !== 'import') return null;
  return (
    <Tooltip
      title={t('rimport.importedBy', {
        by: report.importedBy ?? '-',
        at: formatDateTime(report.importedAt),
      })}
    >
      <Tag color="purple" data-testid="report-imported">
        {t('rimport.tag')}
        {report.importedBy ? ` · ${report.importedBy}` : ''}
      </Tag>
    </Tooltip>
  );
}
