// 导入月报: pick the month → download its 月度信息报表 (prefilled) → upload the filled sheet and see the
// dry run (nothing written) → commit all or nothing → the reports counted, on to the verification queue.
import { useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Progress,
  Result,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { ReportImportAction, ReportImportResult } from '@ducha/contract';
import { downloadReportSheet, uploadReportImport } from '../../api/reports.ts';
import { useMe } from '../../app/auth.tsx';
import { ForbiddenPage } from '../../app/ErrorPages.tsx';
import { useT } from '../../app/i18n.tsx';
import { isOffice } from '../../app/access.ts';
import { ErrorTable } from '../../components/ImportErrorTable.tsx';
import { useImportRun } from '../../components/useImportRun.ts';
import { MonthInput } from '../../components/MonthInput.tsx';
import { isMonth, lastMonth, splitMonth } from '../../components/period.ts';
import { useApiError } from '../../components/useApiError.ts';
import { ReportStatusTag, TimelinessTag } from './ReportTags.tsx';

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type PreviewRow = ReportImportResult['preview'][number];

const actionColors: Record<ReportImportAction, string> = {
  create: 'green',
  update: 'blue',
  amend: 'gold',
  verify: 'cyan',
  unchanged: 'default',
  skipped: 'default',
};

function Counts({ result }: { result: ReportImportResult }) {
  const t = useT();
  const n = (key: ReportImportAction, value: number, color?: string) => (
    <Statistic
      title={t(`rimport.action.${key}`)}
      value={value}
      styles={{ content: color ? { color } : {} }}
      data-testid={`rimport-count-${key}`}
    />
  );
  return (
    <Space size="large" wrap style={{ marginBottom: 16 }}>
      <Statistic title={t('import.rows')} value={result.rows} />
      {n('create', result.created, '#389e0d')}
      {n('update', result.updated, '#1f5fbf')}
      {n('amend', result.amended)}
      {n('verify', result.verified)}
      {n('unchanged', result.unchanged)}
      {n('skipped', result.skipped)}
      <Statistic
        title={t('import.errors')}
        value={result.errors.length}
        styles={{ content: { color: result.errors.length ? '#cf1322' : undefined } }}
      />
    </Space>
  );
}

function PreviewTable({ preview }: { preview: PreviewRow[] }) {
  const t = useT();
  return (
    <Table<PreviewRow>
      rowKey="row"
      size="small"
      data-testid="rimport-preview"
      dataSource={preview}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
      columns={[
        { title: t('import.row'), dataIndex: 'row', width: 70 },
        { title: t('project.code'), dataIndex: 'code', width: 150 },
        { title: t('project.name'), dataIndex: 'name', ellipsis: true },
        {
          title: t('import.action'),
          dataIndex: 'action',
          width: 120,
          render: (a: ReportImportAction) => <Tag color={actionColors[a]}>{t(`rimport.action.${a}`)}</Tag>,
        },
        {
          title: t('field.status'),
          dataIndex: 'status',
          width: 100,
          render: (s: PreviewRow['status']) => (s ? <ReportStatusTag status={s} /> : '-'),
        },
        { title: t('rimport.submittedOn'), dataIndex: 'submittedOn', width: 120, render: (d) => d ?? '-' },
        {
          title: t('report.timeliness'),
          dataIndex: 'timeliness',
          width: 90,
          render: (v: PreviewRow['timeliness']) => <TimelinessTag value={v} />,
        },
      ]}
    />
  );
}

function ImportWizard() {
  const t = useT();
  const navigate = useNavigate();
  const onError = useApiError();
  const asked = useSearchParams()[0].get('month');
  const [month, setMonth] = useState(isMonth(asked) ? asked : lastMonth());
  const [verify, setVerify] = useState(false);
  // read by the upload: a change of the box re-runs the dry run before the state has rendered
  const verifyNow = useRef(verify);
  const [step, setStep] = useState(0);
  const [y, m] = splitMonth(month);
  const { file, progress, busy, check, result, run, reset, choose } = useImportRun<ReportImportResult>({
    upload: (f, mode, onProgress) =>
      uploadReportImport(f, { month, mode, verify: verifyNow.current }, onProgress),
    invalidate: ['reports', 'report', 'workbench', 'audit'],
    onCommitted: () => setStep(2),
  });
  const writes = check ? check.created + check.updated + check.amended + check.verified : 0;
  const canCommit = !!check && check.errors.length === 0 && writes > 0;

  return (
    <Card
      variant="borderless"
      title={t('rimport.title')}
      extra={<Link to={`/reports/queue?month=${month}`}>{t('rimport.toQueue')}</Link>}
      data-testid="rimport"
    >
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('rimport.step.sheet') },
          { title: t('import.step.check') },
          { title: t('import.step.result') },
        ]}
      />
      {step < 2 && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Typography.Text strong>{t('period.month')}</Typography.Text>
          <MonthInput
            value={month}
            onChange={(v) => {
              setMonth(v);
              reset();
            }}
            testId="rimport-month"
          />
          <Checkbox
            checked={verify}
            onChange={(e) => {
              setVerify(e.target.checked);
              verifyNow.current = e.target.checked;
              if (file) void run(file, 'dry-run');
            }}
            data-testid="rimport-verify"
          >
            {t('rimport.verify')}
          </Checkbox>
        </Space>
      )}

      {step === 0 && (
        <Space vertical size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('rimport.sheetHelp')}</Typography.Paragraph>
          <Alert type="info" showIcon title={t('rimport.backfillHelp')} />
          <Space>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => downloadReportSheet(month).catch(onError)}
              data-testid="rimport-sheet"
            >
              {t('rimport.download', { y, m })}
            </Button>
            <Button type="primary" onClick={() => setStep(1)} data-testid="rimport-next">
              {t('import.next')}
            </Button>
          </Space>
        </Space>
      )}

      {step === 1 && (
        <Space vertical size="middle" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('import.nothingWritten')} />
          <Upload.Dragger
            accept={XLSX}
            multiple={false}
            showUploadList={false}
            beforeUpload={choose}
            disabled={busy}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{file ? file.name : t('import.drop')}</p>
            <p className="ant-upload-hint">{t('rimport.dropHint', { y, m })}</p>
          </Upload.Dragger>
          {progress !== null && <Progress percent={progress} status="active" />}
          {check && (
            <>
              <Counts result={check} />
              {check.errors.length > 0 ? (
                <>
                  <Alert type="error" showIcon title={t('import.hasErrors', { n: check.errors.length })} />
                  <ErrorTable errors={check.errors} />
                </>
              ) : writes === 0 ? (
                <Alert
                  type="warning"
                  showIcon
                  title={t('rimport.nothingToDo')}
                  data-testid="rimport-nothing"
                />
              ) : (
                <Alert
                  type="success"
                  showIcon
                  data-testid="rimport-ok"
                  title={t('rimport.checkOk', { n: writes, skipped: check.skipped })}
                  description={t('import.allOrNothing')}
                />
              )}
              {check.errors.length === 0 && <PreviewTable preview={check.preview} />}
            </>
          )}
          <Space>
            <Button onClick={() => setStep(0)} disabled={busy}>
              {t('import.prev')}
            </Button>
            <Button
              type="primary"
              disabled={!canCommit || !file}
              loading={busy}
              onClick={() => file && run(file, 'commit')}
              data-testid="rimport-commit"
            >
              {t(verify ? 'rimport.commitVerify' : 'rimport.commit', { n: writes })}
            </Button>
          </Space>
        </Space>
      )}

      {step === 2 && result && (
        <>
          <Result
            status={result.committed ? 'success' : 'error'}
            title={result.committed ? t('import.done') : t('import.notCommitted')}
            subTitle={
              result.committed
                ? t('rimport.doneText', {
                    created: result.created,
                    updated: result.updated,
                    amended: result.amended,
                    verified: result.verified,
                    unchanged: result.unchanged,
                    skipped: result.skipped,
                  })
                : t('import.notCommittedText', { n: result.errors.length })
            }
            extra={[
              <Button
                key="queue"
                type="primary"
                onClick={() => navigate(`/reports/queue?month=${month}`)}
                data-testid="rimport-to-queue"
              >
                {t('rimport.toQueue')}
              </Button>,
              <Button key="overdue" onClick={() => navigate(`/reports/overdue?month=${month}`)}>
                {t('queue.toOverdue')}
              </Button>,
              <Button
                key="again"
                onClick={() => {
                  reset();
                  setStep(1);
                }}
              >
                {t('import.again')}
              </Button>,
            ]}
          />
          {!result.committed && <ErrorTable errors={result.errors} />}
        </>
      )}
    </Card>
  );
}

export default function ReportImportPage() {
  const me = useMe();
  return isOffice(me.role) ? <ImportWizard /> : <ForbiddenPage />;
}
