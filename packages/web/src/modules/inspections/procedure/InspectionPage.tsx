// 稽察详情: the inspection's procedure as steps with their dates and deadlines, one button per step
// the user may take, the members with their sign-offs, the findings with the unit's opinion, the
// office's answer and the rectification item's live status (to /items/:id), and the documents.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Result,
  Row,
  Skeleton,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { inspectionStatuses, type InspectionAction, type InspectionDetail } from '@ducha/contract';
import { isApiError } from '../../../api/client.ts';
import { useMe } from '../../../app/auth.tsx';
import { useT, type TFunction } from '../../../app/i18n.tsx';
import { useLabels } from '../../../app/labels.ts';
import { AuditTimeline } from '../../../components/AuditTimeline.tsx';
import { useDictLabel } from '../../../components/pickers.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { useQueryClient } from '@tanstack/react-query';
import { AttachmentList } from '../../../components/AttachmentList.tsx';
import { downloadDocument, uploadEvidence, useDeleteEvidence, useInspection } from './api.ts';
import { InspectionStatusTag } from './InspectionsPage.tsx';
import { StepModal } from './StepModal.tsx';

type Action = InspectionAction | 'add_finding';
type Finding = InspectionDetail['findings'][number];

/** The step's date or deadline under each state of the Steps bar. */
function stepNote(
  d: InspectionDetail['inspection'],
  s: (typeof inspectionStatuses)[number],
  noticeBy: string | null,
  t: TFunction,
) {
  switch (s) {
    case 'planned':
      return noticeBy ? t('insp.step.noticeBy', { date: noticeBy }) : undefined;
    case 'noticed':
      return d.noticeOn ?? undefined;
    case 'on_site':
      return d.siteOn ?? undefined;
    case 'draft_report':
      return d.opinionDue ? t('insp.step.opinionDue', { date: d.opinionDue }) : undefined;
    case 'rectifying':
      return d.rectificationDue ? t('insp.step.rectificationDue', { date: d.rectificationDue }) : undefined;
    case 'rechecking':
      return d.recheckOn ?? undefined;
    case 'archived':
      return d.archivedOn ?? undefined;
    default:
      return undefined;
  }
}

function Findings({ d }: { d: InspectionDetail }) {
  const t = useT();
  const L = useLabels();
  const category = useDictLabel('item_category');
  const columns = [
    { title: '#', dataIndex: 'sort', width: 48 },
    { title: t('insp.findingKind'), dataIndex: 'kind', render: (k: Finding['kind']) => L.findingKind(k) },
    { title: t('insp.category'), dataIndex: 'category', render: category },
    {
      title: t('insp.content'),
      dataIndex: 'content',
      render: (c: string, f: Finding) => (
        <Typography.Text delete={f.withdrawn}>
          {c}
          {f.basis && <Typography.Text type="secondary">（{f.basis}）</Typography.Text>}
        </Typography.Text>
      ),
    },
    {
      title: t('insp.opinion'),
      key: 'opinion',
      render: (_: unknown, f: Finding) =>
        f.unitAgrees === null
          ? '—'
          : f.unitAgrees
            ? t('insp.agrees')
            : `${t('insp.disagrees')}：${f.unitOpinion ?? ''}`,
    },
    {
      title: t('insp.answer'),
      key: 'answer',
      render: (_: unknown, f: Finding) => (
        <>
          {f.answer ?? '—'} {f.withdrawn && <Tag>{t('insp.withdrawn')}</Tag>}
        </>
      ),
    },
    {
      title: t('insp.item'),
      key: 'item',
      render: (_: unknown, f: Finding) =>
        f.item ? (
          <Link to={`/items/${f.item.id}`} data-testid={`finding-item-${f.id}`}>
            {f.item.code}{' '}
            <Tag color={f.item.status === 'closed' ? 'green' : f.item.overdue ? 'red' : 'blue'}>
              {L.itemStatus(f.item.status)}
            </Tag>
          </Link>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Table<Finding>
      rowKey="id"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={d.findings}
      data-testid="inspection-findings"
    />
  );
}

function Evidence({ d }: { d: InspectionDetail }) {
  const t = useT();
  const qc = useQueryClient();
  const remove = useDeleteEvidence();
  const editable = d.allowedActions.includes('add_attachment');
  return (
    <Card size="small">
      <AttachmentList
        testId="inspection"
        files={d.attachments}
        href={(a) => `/api/inspection-attachments/${a.id}`}
        upload={
          editable
            ? async (file, progress) => {
                const a = await uploadEvidence(d.inspection.id, file, progress);
                await qc.invalidateQueries({ queryKey: ['inspections'] });
                return a;
              }
            : undefined
        }
        canDelete={() => editable}
        remove={(a) => remove.mutateAsync(a.id)}
        text={{
          title: t('insp.attachments'),
          upload: t('insp.upload'),
          uploaded: (name) => t('insp.uploaded', { name }),
          deleteConfirm: (name) => t('insp.attachDeleteConfirm', { name }),
          empty: '—',
        }}
      />
    </Card>
  );
}

export default function InspectionPage() {
  const t = useT();
  const L = useLabels();
  const me = useMe();
  const id = Number(useParams().id);
  const { data: d, error, isLoading } = useInspection(id);
  const [action, setAction] = useState<Action | null>(null);
  if (isLoading) return <Skeleton active />;
  if (error || !d)
    return (
      <Result status={isApiError(error) && error.status === 404 ? '404' : '403'} title={t('insp.notFound')} />
    );
  const i = d.inspection;
  const current = inspectionStatuses.indexOf(i.status);
  return (
    <Space vertical size="middle" style={{ width: '100%' }}>
      <Link to={me.role === 'expert' || me.role === 'inspector' ? '/inspections/mine' : '/inspections'}>
        <ArrowLeftOutlined /> {t('insp.back')}
      </Link>
      <Card
        title={
          <Space>
            <span data-testid="inspection-code">{i.code}</span>
            <span>{i.projectName}</span>
            <InspectionStatusTag status={i.status} />
          </Space>
        }
      >
        <Steps
          size="small"
          current={current}
          items={inspectionStatuses.map((s) => ({
            title: L.inspectionStatus(s),
            description: stepNote(i, s, d.deadlines.noticeBy, t),
          }))}
          style={{ marginBottom: 16 }}
        />
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('insp.kind')}>{L.inspectionKind(i.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('insp.theme')}>{i.themeName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('insp.unit')}>{i.inspectedUnit ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('insp.siteOn')}>{i.siteOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('insp.confirmedAt')}>
            {i.confirmedAt ? formatDateTime(i.confirmedAt) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('insp.summary')}>{i.summary || '—'}</Descriptions.Item>
        </Descriptions>
        <Space wrap data-testid="inspection-actions">
          {d.allowedActions.length === 0 && (
            <Typography.Text type="secondary">{t('insp.noActions')}</Typography.Text>
          )}
          {(d.allowedActions.filter((a) => a !== 'add_attachment') as Action[]).map((a, n) => (
            <Button
              key={a}
              type={n === 0 ? 'primary' : 'default'}
              onClick={() => setAction(a)}
              data-testid={`inspection-action-${a}`}
            >
              {a === 'add_finding' ? t('insp.addFinding') : L.inspectionAction(a)}
            </Button>
          ))}
        </Space>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card title={t('insp.members')} size="small">
            {d.members.map((m) => (
              <div key={m.id} data-testid={`member-${m.id}`}>
                <Typography.Text strong>{m.name}</Typography.Text>{' '}
                <Typography.Text type="secondary">{m.detail}</Typography.Text>{' '}
                {m.role === 'expert' &&
                  (m.signedAt ? (
                    <Tag color="green">{formatDateTime(m.signedAt)}</Tag>
                  ) : (
                    <Tag>{t('insp.unsigned')}</Tag>
                  ))}
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title={t('insp.documents')} size="small">
            {d.documents.map((doc) => (
              <div key={doc.id}>
                <Button
                  type="link"
                  icon={<DownloadOutlined />}
                  onClick={() => void downloadDocument(i.id, doc.id)}
                  data-testid={`document-${doc.kind}`}
                >
                  {L.documentKind(doc.kind)} {doc.number ?? ''}
                </Button>
                <Typography.Text type="secondary">{formatDateTime(doc.createdAt)}</Typography.Text>
                {doc.summary && (
                  <Typography.Paragraph style={{ marginLeft: 16 }}>{doc.summary}</Typography.Paragraph>
                )}
              </div>
            ))}
          </Card>
        </Col>
      </Row>
      <Card title={t('insp.findings')} size="small">
        <Findings d={d} />
      </Card>
      <Evidence d={d} />
      <AuditTimeline entity="inspection" id={String(i.id)} />
      {action && <StepModal action={action} d={d} onClose={() => setAction(null)} />}
    </Space>
  );
}
