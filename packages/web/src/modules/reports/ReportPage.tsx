// 月报填报: one project's report of one month: status banner, the form (or the frozen view), review, versions.
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Popconfirm,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import {
  ArrowLeftOutlined,
  CheckOutlined,
  EditOutlined,
  LeftOutlined,
  RightOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import type { MonthlyReport } from '@ducha/contract';
import { isApiError } from '../../api/client.ts';
import { useProject } from '../../api/projects.ts';
import { useReportMonth, useVerifyReport, type ReportMonth } from '../../api/reports.ts';
import { isOffice } from '../../app/access.ts';
import { useMe } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useApiError } from '../../components/useApiError.ts';
import { AmendDrawer } from './AmendDrawer.tsx';
import { ReportEditor } from './ReportEditor.tsx';
import { ReportView } from './ReportView.tsx';
import { ReportSourceTag, ReportStatusTag, ReportTimeliness } from './ReportTags.tsx';
import { ReturnModal } from './ReturnModal.tsx';
import { VersionList } from './VersionList.tsx';
import { fillRoles } from './access.ts';
import { isMonth, shiftMonth, splitMonth, thisMonth } from '../../components/period.ts';

/** The banner over the report: what state it is in and what happens next. */
function StatusBanner({ data }: { data: ReportMonth }) {
  const t = useT();
  const c = data.current;
  if (!c)
    return (
      <Alert
        type={data.overdue ? 'error' : 'info'}
        showIcon
        data-testid="report-banner"
        title={t(data.overdue ? 'report.banner.noneOverdue' : 'report.banner.none', {
          deadline: data.deadline,
        })}
      />
    );
  const props = {
    draft: c.overdue
      ? { type: 'error', title: t('report.banner.draftOverdue', { deadline: c.deadline }) }
      : { type: 'info', title: t('report.banner.draft', { deadline: c.deadline }) },
    submitted: { type: 'info', title: t('report.banner.submitted', { at: formatDateTime(c.submittedAt) }) },
    returned: { type: 'error', title: t('report.banner.returned') },
    verified: {
      type: 'success',
      title: t('report.banner.verified', { at: formatDateTime(c.verifiedAt), by: c.verifiedBy ?? '-' }),
    },
  }[c.status] as { type: 'info' | 'error' | 'success'; title: string };
  const lines = [
    c.status === 'returned' && c.returnReason
      ? t('report.banner.returnReason', { reason: c.returnReason })
      : null,
    // a return after publication opens a version whose reason repeats the return's: said once
    c.amendmentReason &&
    !(c.status === 'returned' && c.returnReason && c.amendmentReason.endsWith(c.returnReason))
      ? t('report.banner.amended', { n: c.amendment, reason: c.amendmentReason })
      : null,
  ].filter((x): x is string => !!x);
  return (
    <Alert
      {...props}
      showIcon
      data-testid="report-banner"
      description={lines.length ? lines.map((l) => <div key={l}>{l}</div>) : undefined}
    />
  );
}

/**
 * While the month is published (and the report not verified): what filing or correcting it now means
 * (docs/rules.md, "After a month is published").
 */
function PublishedNotice({ data, month }: { data: ReportMonth; month: string }) {
  const t = useT();
  const c = data.current;
  if (!data.monthPublished || c?.status === 'verified') return null;
  const [year, m] = splitMonth(month);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="report-published-notice"
      title={t('report.published', { year, m, mm: month.slice(5) })}
      description={c && c.amendment > 0 && c.status !== 'draft' ? t('report.publishedReturned') : undefined}
    />
  );
}

/** The office's review buttons: 审核通过 / 退回 on a submitted report, 更正 on a verified one. */
function ReviewActions({ report, onAmend }: { report: MonthlyReport; onAmend: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const verify = useVerifyReport();
  const onError = useApiError();
  const [returning, setReturning] = useState(false);
  const month = `${report.year}-${String(report.month).padStart(2, '0')}`;
  if (report.status === 'verified')
    return (
      <Button icon={<EditOutlined />} onClick={onAmend} data-testid="report-amend">
        {t('report.amend')}
      </Button>
    );
  if (report.status !== 'submitted') return null;
  return (
    <Space>
      <Popconfirm
        title={t('report.verifyConfirm')}
        onConfirm={() =>
          verify
            .mutateAsync({ projectId: report.projectId, month, version: report.version })
            .then(() => message.success(t('report.verifiedOk')), onError)
        }
        okButtonProps={{ 'data-testid': 'report-verify-ok' }}
      >
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={verify.isPending}
          data-testid="report-verify"
        >
          {t('report.verify')}
        </Button>
      </Popconfirm>
      <Button
        danger
        icon={<RollbackOutlined />}
        onClick={() => setReturning(true)}
        data-testid="report-return"
      >
        {t('report.return')}
      </Button>
      {returning && <ReturnModal report={report} onClose={() => setReturning(false)} />}
    </Space>
  );
}

/** The month's report as another module's part of the page sees it. */
export interface ReportSlot {
  projectId: number;
  projectName: string;
  month: string;
  /** The current version; null while nothing is filed. */
  report: MonthlyReport | null;
}

export interface ReportPageProps {
  /** Shown below the versions (the problems raised from the report, from the items module). */
  side?: (r: ReportSlot) => ReactNode;
}

export default function ReportPage({ side }: ReportPageProps) {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const params = useParams();
  const projectId = Number(params.projectId);
  const month = params.month ?? '';
  const valid = Number.isInteger(projectId) && projectId > 0 && isMonth(month);
  const project = useProject(valid ? projectId : null);
  const query = useReportMonth(projectId, valid ? month : '');
  const [amending, setAmending] = useState(false);
  const back = `/projects/${projectId}?tab=reports`;

  const error = query.error ?? project.error;
  if (!valid || (isApiError(error) && error.status === 404))
    return (
      <Result
        status="404"
        title={t('report.notFound')}
        extra={<Link to="/reports/inbox">{t('menu.reportInbox')}</Link>}
      />
    );
  if (isApiError(error) && error.status === 403)
    return (
      <Result status="403" title={error.message} extra={<Link to="/projects">{t('project.back')}</Link>} />
    );
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!query.data || !project.data) return <Skeleton active paragraph={{ rows: 10 }} />;

  const data = query.data;
  const c = data.current;
  const [year, m] = splitMonth(month);
  const editable = fillRoles.includes(me.role) && (!c || c.status === 'draft' || c.status === 'returned');
  const go = (n: number) => navigate(`/projects/${projectId}/reports/${shiftMonth(month, n)}`);

  return (
    <Card variant="borderless" data-testid="report-page">
      <Space vertical size={8} style={{ width: '100%', marginBottom: 16 }}>
        <Link to={back}>
          <ArrowLeftOutlined /> {project.data.name}
        </Link>
        <Space wrap align="center">
          <Button
            size="small"
            icon={<LeftOutlined />}
            onClick={() => go(-1)}
            aria-label={t('report.prevMonth')}
          />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('report.title', { year, m })}
          </Typography.Title>
          <Button
            size="small"
            icon={<RightOutlined />}
            onClick={() => go(1)}
            disabled={month >= thisMonth()}
            aria-label={t('report.nextMonth')}
          />
          {c && <ReportStatusTag status={c.status} />}
          {c && <ReportSourceTag report={c} />}
          {c ? (
            <ReportTimeliness report={c} />
          ) : (
            data.overdue && (
              <Tag color="red" data-testid="report-overdue">
                {t('report.overdueTag')}
              </Tag>
            )
          )}
          <Typography.Text type="secondary">
            {project.data.code} · {t('report.deadline')} {data.deadline}
          </Typography.Text>
          {data.reminder && (
            <Tag color="orange" data-testid="report-reminders">
              {t('report.remindedTag', { n: data.reminder.count, date: data.reminder.lastRemindedOn })}
            </Tag>
          )}
          {c && isOffice(me.role) && <ReviewActions report={c} onAmend={() => setAmending(true)} />}
        </Space>
        <StatusBanner data={data} />
        <PublishedNotice data={data} month={month} />
      </Space>
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={17}>
          {editable ? (
            <ReportEditor key={`${projectId}-${month}`} projectId={projectId} month={month} data={data} />
          ) : c ? (
            <ReportView report={c} />
          ) : (
            <Empty description={t('report.notFiled')} />
          )}
        </Col>
        <Col xs={24} xl={7}>
          <Typography.Title level={5}>{t('report.versions')}</Typography.Title>
          <VersionList versions={data.versions} />
          {side?.({ projectId, projectName: project.data.name, month, report: c })}
        </Col>
      </Row>
      {amending && c && (
        <AmendDrawer projectId={projectId} month={month} data={data} onClose={() => setAmending(false)} />
      )}
    </Card>
  );
}
