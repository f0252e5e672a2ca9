// 企业信用详情: a firm's directory entry, its quarterly evaluations and credit records (each opening
// its cause), the office's actions (edit, status, evaluate, record) and the entry's history.
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Button, Card, Descriptions, Result, Skeleton, Space, Table, Tag } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  enterpriseGradeLabels,
  enterpriseKindLabels,
  enterpriseStatusLabels,
  type CreditRecord,
  type Evaluation,
} from '@ducha/contract';
import { useCreditRecords, useEnterprise, useEvaluations } from '../../../api/credit.ts';
import { useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { AuditTimeline } from '../../../components/AuditTimeline.tsx';
import { evaluationColumns, recordColumns } from './columns.tsx';
import { EvaluationForm, RecordForm } from './CreditForms.tsx';
import { statusColors, statusTargets } from './creditView.ts';
import { EnterpriseForm, StatusModal } from './EnterpriseForms.tsx';
import { useKeepsCredit } from './EnterprisesPage.tsx';

type Open = 'edit' | 'status' | 'evaluate' | 'record' | null;

export default function EnterprisePage() {
  const t = useT();
  const me = useMe();
  const id = Number(useParams().id);
  const [search] = useSearchParams();
  const highlighted = Number(search.get('evaluation')) || null;
  const writable = useKeepsCredit();
  const firm = useEnterprise(id);
  const evaluations = useEvaluations({ enterpriseId: id, pageSize: 100 }, !!firm.data);
  const records = useCreditRecords({ enterpriseId: id, pageSize: 100 }, !!firm.data);
  const [open, setOpen] = useState<Open>(null);
  if (firm.isLoading) return <Skeleton active />;
  const e = firm.data;
  if (!e)
    return (
      <Result
        status="404"
        title={t('credit.notFound')}
        extra={<Link to="/assessment/credit/enterprises">{t('credit.back')}</Link>}
      />
    );
  const close = () => setOpen(null);
  return (
    <Space vertical size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Link to="/assessment/credit/enterprises">
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="enterprise-name">{e.unitName}</span>
            <Tag color={statusColors[e.status]} data-testid="enterprise-status">
              {enterpriseStatusLabels[e.status]}
            </Tag>
          </Space>
        }
        extra={
          writable && (
            <Space>
              <Button onClick={() => setOpen('edit')}>{t('action.edit')}</Button>
              {statusTargets(e.status, me.role).length > 0 && (
                <Button onClick={() => setOpen('status')} data-testid="enterprise-status-open">
                  {t('credit.changeStatus')}
                </Button>
              )}
              {e.status !== 'removed' && (
                <>
                  <Button onClick={() => setOpen('record')} data-testid="record-open">
                    {t('credit.record')}
                  </Button>
                  <Button type="primary" onClick={() => setOpen('evaluate')} data-testid="evaluation-open">
                    {t('credit.evaluate')}
                  </Button>
                </>
              )}
            </Space>
          )
        }
      >
        <Descriptions column={3} size="small">
          <Descriptions.Item label={t('credit.kind')}>{enterpriseKindLabels[e.kind]}</Descriptions.Item>
          <Descriptions.Item label={t('credit.grade')}>
            {e.grade ? enterpriseGradeLabels[e.grade] : '-'}
          </Descriptions.Item>
          <Descriptions.Item label={t('credit.specialties')}>
            {e.specialties.join('、') || '-'}
          </Descriptions.Item>
          <Descriptions.Item label={t('credit.admittedOn')}>{e.admittedOn}</Descriptions.Item>
          <Descriptions.Item label={t('credit.statusOn')}>{e.statusOn}</Descriptions.Item>
          <Descriptions.Item label={t('credit.statusReason')}>{e.statusReason ?? '-'}</Descriptions.Item>
          <Descriptions.Item label={t('credit.goodRecords')}>{e.goodRecords}</Descriptions.Item>
          <Descriptions.Item label={t('credit.badRecords')}>{e.badRecords}</Descriptions.Item>
          <Descriptions.Item label={t('credit.latestScore')}>{e.latestScore ?? '-'}</Descriptions.Item>
          <Descriptions.Item label={t('credit.notes')} span={3}>
            {e.notes || '-'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('credit.evaluations')}>
        <Table<Evaluation>
          rowKey="id"
          size="small"
          data-testid="enterprise-evaluations"
          loading={evaluations.isFetching}
          dataSource={evaluations.data?.items ?? []}
          columns={evaluationColumns(t, false)}
          rowClassName={(r) => (r.id === highlighted ? 'ant-table-row-selected' : '')}
          pagination={false}
        />
      </Card>
      <Card title={t('credit.records')}>
        <Table<CreditRecord>
          rowKey="id"
          size="small"
          data-testid="enterprise-records"
          loading={records.isFetching}
          dataSource={records.data?.items ?? []}
          columns={recordColumns(t, false)}
          pagination={false}
        />
      </Card>
      <Card title={t('credit.history')}>
        <AuditTimeline entity="enterprise" id={String(e.id)} />
      </Card>
      {open === 'edit' && <EnterpriseForm editing={e} onClose={close} />}
      {open === 'status' && <StatusModal firm={e} onClose={close} />}
      {open === 'evaluate' && <EvaluationForm enterpriseId={e.id} onClose={close} />}
      {open === 'record' && <RecordForm enterpriseId={e.id} onClose={close} />}
    </Space>
  );
}
