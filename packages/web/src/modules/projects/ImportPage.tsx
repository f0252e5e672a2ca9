// 导入向导: download the template → upload and dry-run (nothing written) → errors or preview → commit → result.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Button, Card, Progress, Result, Space, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { ImportResult } from '@ducha/contract';
import { downloadFile, uploadImport } from '../../api/projects.ts';
import { useMe } from '../../app/auth.tsx';
import { ForbiddenPage } from '../../app/ErrorPages.tsx';
import { useT } from '../../app/i18n.tsx';
import { managerRoles } from '../../app/access.ts';
import { useApiError } from '../../components/useApiError.ts';
import { useImportRun } from '../../components/useImportRun.ts';
import { ColumnsTable, Counts, ErrorTable, PreviewTable } from './ImportTables.tsx';

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export default function ImportPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const onError = useApiError();
  const [step, setStep] = useState(0);
  const { file, progress, busy, check, result, run, reset, choose } = useImportRun<ImportResult>({
    upload: uploadImport,
    invalidate: ['projects', 'project-lists', 'audit'],
    onCommitted: () => setStep(3),
  });

  const template = async () => {
    try {
      await downloadFile('/api/projects/import/template', {}, '项目导入模板.xlsx');
    } catch (e) {
      onError(e);
    }
  };
  const restart = () => {
    reset();
    setStep(1);
  };
  const canCommit = !!check && check.errors.length === 0 && check.rows > 0;
  if (!managerRoles.includes(me.role)) return <ForbiddenPage />;

  return (
    <Card
      variant="borderless"
      title={t('import.title')}
      extra={<Link to="/projects">{t('project.back')}</Link>}
    >
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('import.step.template') },
          { title: t('import.step.check') },
          { title: t('import.step.confirm') },
          { title: t('import.step.result') },
        ]}
      />
      {step < 3 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('import.nothingWritten')} />
      )}

      {step === 0 && (
        <Space vertical size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('import.templateHelp')}</Typography.Paragraph>
          <Space>
            <Button icon={<DownloadOutlined />} onClick={template} data-testid="import-template">
              {t('import.downloadTemplate')}
            </Button>
            <Button type="primary" onClick={() => setStep(1)} data-testid="import-next">
              {t('import.next')}
            </Button>
          </Space>
          <ColumnsTable />
        </Space>
      )}

      {step === 1 && (
        <Space vertical size="middle" style={{ width: '100%' }}>
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
            <p className="ant-upload-hint">{t('import.dropHint')}</p>
          </Upload.Dragger>
          {progress !== null && <Progress percent={progress} status="active" />}
          {busy && progress === 100 && (
            <Typography.Text type="secondary">{t('import.checking')}</Typography.Text>
          )}
          {check && (
            <>
              <Counts result={check} />
              {check.ignored.length > 0 && (
                <Alert
                  type="info"
                  showIcon
                  data-testid="import-ignored"
                  title={t('import.ignored', { rows: check.ignored.join('、') })}
                />
              )}
              {check.errors.length > 0 ? (
                <>
                  <Alert type="error" showIcon title={t('import.hasErrors', { n: check.errors.length })} />
                  <ErrorTable errors={check.errors} />
                </>
              ) : check.rows === 0 ? (
                <Alert type="warning" showIcon title={t('import.emptyFile')} />
              ) : (
                <>
                  <Alert type="success" showIcon title={t('import.checkOk', { n: check.rows })} />
                  <PreviewTable preview={check.preview} />
                </>
              )}
            </>
          )}
          <Space>
            <Button onClick={() => setStep(0)}>{t('import.prev')}</Button>
            <Button
              type="primary"
              disabled={!canCommit}
              onClick={() => setStep(2)}
              data-testid="import-to-confirm"
            >
              {t('import.next')}
            </Button>
          </Space>
        </Space>
      )}

      {step === 2 && check && file && (
        <Space vertical size="middle" style={{ width: '100%' }}>
          <Counts result={check} />
          <Alert
            type="warning"
            showIcon
            title={t('import.confirmText', {
              created: check.created,
              updated: check.updated,
              file: file.name,
            })}
            description={t('import.allOrNothing')}
          />
          {progress !== null && <Progress percent={progress} status="active" />}
          <Space>
            <Button onClick={() => setStep(1)} disabled={busy}>
              {t('import.prev')}
            </Button>
            <Button
              type="primary"
              loading={busy}
              onClick={() => run(file, 'commit')}
              data-testid="import-commit"
            >
              {t('import.commit')}
            </Button>
          </Space>
        </Space>
      )}

      {step === 3 && result && (
        <>
          <Result
            status={result.committed ? 'success' : 'error'}
            title={result.committed ? t('import.done') : t('import.notCommitted')}
            subTitle={
              result.committed
                ? t('import.doneText', {
                    created: result.created,
                    updated: result.updated,
                    unchanged: result.unchanged,
                  })
                : t('import.notCommittedText', { n: result.errors.length })
            }
            extra={[
              <Button key="list" type="primary" onClick={() => navigate('/projects')}>
                {t('import.toList')}
              </Button>,
              ...(result.committed
                ? [
                    <Button
                      key="drafts"
                      onClick={() => navigate('/projects/plan-drafts')}
                      data-testid="import-to-drafts"
                    >
                      {t('import.toDrafts')}
                    </Button>,
                  ]
                : []),
              <Button key="again" onClick={restart}>
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
