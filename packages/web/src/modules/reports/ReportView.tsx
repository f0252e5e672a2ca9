// A monthly report version, read-only: investment (with the server's totals), funds, progress, milestones, files.
import { Descriptions, Typography } from 'antd';
import type { MonthlyReport } from '@ducha/contract';
import { useT } from '../../app/i18n.tsx';
import { formatDateTime } from '../../components/format.ts';
import { formatMoney } from '../../components/money.ts';
import { useDictLabel } from '../../components/pickers.tsx';
import { Attachments } from './Attachments.tsx';
import { ReportStatusTag, ReportTimeliness } from './ReportTags.tsx';

const text = (v: string | null | undefined) =>
  v ? (
    <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>
  ) : (
    <Typography.Text type="secondary">-</Typography.Text>
  );

/** 原始版本 / 更正 n. */
export function versionLabel(r: MonthlyReport, t: ReturnType<typeof useT>): string {
  return r.amendment === 0 ? t('report.versionOriginal') : t('report.versionAmendment', { n: r.amendment });
}

export function ReportView({ report: r }: { report: MonthlyReport }) {
  const t = useT();
  const source = useDictLabel('funding_source');
  const funds = Object.entries(r.fundsInPlace);
  return (
    <div data-testid="report-view">
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('field.status')}>
          <ReportStatusTag status={r.status} /> <ReportTimeliness report={r} />
        </Descriptions.Item>
        <Descriptions.Item label={t('report.version')}>{versionLabel(r, t)}</Descriptions.Item>
        <Descriptions.Item label={t('report.investmentMonth')}>
          {formatMoney(r.investmentMonth)}
        </Descriptions.Item>
        <Descriptions.Item label={t('report.investmentYtd')}>
          {formatMoney(r.investmentYtd)}
        </Descriptions.Item>
        <Descriptions.Item label={t('report.investmentSinceStart')} span={2}>
          {formatMoney(r.investmentSinceStart)}
        </Descriptions.Item>
        <Descriptions.Item label={t('report.fundsInPlace')} span={2}>
          {funds.length
            ? funds.map(([k, v]) => (
                <div key={k}>
                  {source(k)}：{formatMoney(v)} {t('money.wan')}
                </div>
              ))
            : text(null)}
        </Descriptions.Item>
        <Descriptions.Item label={t('report.physicalProgress')} span={2}>
          {text(r.physicalProgress)}
        </Descriptions.Item>
        <Descriptions.Item label={t('report.percentComplete')}>
          {r.percentComplete === null ? text(null) : `${r.percentComplete}%`}
        </Descriptions.Item>
        <Descriptions.Item label={t('report.signer')}>{text(r.signer)}</Descriptions.Item>
        <Descriptions.Item label={t('report.landProgress')} span={2}>
          {text(r.landProgress)}
        </Descriptions.Item>
        <Descriptions.Item label={t('report.milestones')} span={2}>
          {r.milestonesReached.length
            ? r.milestonesReached.map((m) => (
                <div key={m.milestoneId}>
                  {m.name}（{m.actualDate}）
                </div>
              ))
            : text(null)}
        </Descriptions.Item>
        <Descriptions.Item label={t('report.problems')} span={2}>
          {text(r.problems)}
        </Descriptions.Item>
        <Descriptions.Item label={t('report.nextMonthPlan')} span={2}>
          {text(r.nextMonthPlan)}
        </Descriptions.Item>
        <Descriptions.Item label={t('report.deadline')}>{r.deadline}</Descriptions.Item>
        <Descriptions.Item label={t('report.submittedAt')}>{formatDateTime(r.submittedAt)}</Descriptions.Item>
        {r.verifiedAt && (
          <Descriptions.Item label={t('report.verifiedBy')} span={2}>
            {r.verifiedBy ?? '-'} · {formatDateTime(r.verifiedAt)}
          </Descriptions.Item>
        )}
        {r.returnReason && (
          <Descriptions.Item label={t('report.returnReason')} span={2}>
            {text(r.returnReason)}
          </Descriptions.Item>
        )}
        {r.amendmentReason && (
          <Descriptions.Item label={t('report.amendReason')} span={2}>
            {text(r.amendmentReason)}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Attachments report={r} editable={false} />
    </div>
  );
}
