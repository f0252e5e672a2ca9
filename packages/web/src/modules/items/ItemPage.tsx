// 督办事项详情: header (code, kind, status, level, flags), every field, the response and resolution with
// evidence, one button per allowed step, the handling timeline, merged duplicates and the audit trail.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { Item, ItemAction } from '@ducha/contract';
import { isApiError } from '../../api/client.ts';
import { useItem, type ItemDetail } from '../../api/items.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { AuditTimeline } from '../../components/AuditTimeline.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useDictLabel } from '../../components/pickers.tsx';
import { ItemAttachments } from './ItemAttachments.tsx';
import { ItemEvents } from './ItemEvents.tsx';
import { ItemFlags, ItemKindTag, ItemStatusTag, LevelTag, ListedTag } from './ItemTags.tsx';
import { StepModal } from './StepModal.tsx';

/** The next step of the workflow in each status gets the primary look; the rest are secondary. */
const nextStep: Partial<Record<ItemDetail['item']['status'], ItemAction>> = {
  new: 'assign',
  assigned: 'respond',
  returned: 'respond',
  responded: 'resolve',
  resolved: 'close',
};

function ActionButtons({ detail }: { detail: ItemDetail }) {
  const t = useT();
  const L = useLabels();
  const [action, setAction] = useState<ItemAction | null>(null);
  if (detail.allowedActions.length === 0)
    return <Typography.Text type="secondary">{t('item.noActions')}</Typography.Text>;
  return (
    <Space wrap data-testid="item-actions">
      {detail.allowedActions.map((a) => (
        <Button
          key={a}
          type={nextStep[detail.item.status] === a ? 'primary' : 'default'}
          danger={a === 'return'}
          onClick={() => setAction(a)}
          data-testid={`item-action-${a}`}
        >
          {L.itemAction(a)}
        </Button>
      ))}
      {action && (
        <StepModal key={action} action={action} item={detail.item} onClose={() => setAction(null)} />
      )}
    </Space>
  );
}

function SourceCell({ item }: { item: Item }) {
  const t = useT();
  const L = useLabels();
  if (item.source === 'report' && item.project && item.reportMonth)
    return (
      <Link to={`/projects/${item.project.id}/reports/${item.reportMonth}`} data-testid="item-source-report">
        {L.itemSource(item.source)} · {t('item.reportMonth', { month: item.reportMonth })}
      </Link>
    );
  return <>{L.itemSource(item.source)}</>;
}

function Fields({ item }: { item: Item }) {
  const t = useT();
  const category = useDictLabel('item_category');
  const dash = (v: string | number | null | undefined) =>
    v === null || v === undefined || v === '' ? '-' : v;
  const leader = item.responsibleLeader;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
      data-testid="item-fields"
    >
      <Descriptions.Item label={t('item.description')} span={2}>
        <div style={{ whiteSpace: 'pre-wrap' }}>{item.description}</div>
      </Descriptions.Item>
      <Descriptions.Item label={t('item.project')}>
        {item.project ? (
          <Link to={`/projects/${item.project.id}?tab=items`}>
            {item.project.code} {item.project.name}
          </Link>
        ) : (
          t('item.noProject')
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('item.source')}>
        <SourceCell item={item} />
      </Descriptions.Item>
      <Descriptions.Item label={t('item.category')}>{category(item.category)}</Descriptions.Item>
      <Descriptions.Item label={t('item.region')}>{item.regionName}</Descriptions.Item>
      <Descriptions.Item label={t('item.raisedBy')}>
        {[item.raisedBy, item.raisedByUnit?.name].filter(Boolean).join(' · ') || '-'}
      </Descriptions.Item>
      <Descriptions.Item label={t('item.raisedAt')}>{formatDateTime(item.raisedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('item.responsibleUnit')}>
        <span data-testid="item-unit">{dash(item.responsibleUnit?.name)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('item.coUnits')}>
        {item.coUnits.map((u) => u.name).join('、') || '-'}
      </Descriptions.Item>
      <Descriptions.Item label={t('item.leader')}>
        {leader ? `${leader.title}（${leader.holder ?? t('position.vacant')}）` : '-'}
      </Descriptions.Item>
      <Descriptions.Item label={t('item.level')}>
        <LevelTag item={item} />
      </Descriptions.Item>
      {/* before assignment the deadlines do not exist yet: say so once instead of four dashes */}
      {item.assignedOn ? (
        <>
          <Descriptions.Item label={t('item.assignedOn')}>{item.assignedOn}</Descriptions.Item>
          <Descriptions.Item label={t('item.responseDue')}>{dash(item.responseDue)}</Descriptions.Item>
          <Descriptions.Item label={t('item.resolutionDue')}>
            {item.resolutionDue ?? (
              <Typography.Text type="secondary">{t('item.resolutionDueNone')}</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('item.promisedDate')}>
            {item.promisedDate ?? (
              <Typography.Text type="secondary">{t('item.promisedNone')}</Typography.Text>
            )}
          </Descriptions.Item>
        </>
      ) : (
        <Descriptions.Item label={t('item.deadlines')}>
          <Typography.Text type="secondary">{t('item.deadlinesOnAssign')}</Typography.Text>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('item.dueDate')}>
        <Typography.Text strong>{dash(item.dueDate)}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('item.reminders')}>
        {item.reminderCount}
        {item.lastRemindedOn && (
          <Typography.Text type="secondary">
            {' '}
            （{t('item.lastReminded')} {item.lastRemindedOn}）
          </Typography.Text>
        )}
      </Descriptions.Item>
      {item.listed && (
        <>
          <Descriptions.Item label={t('item.listedOn')}>{dash(item.listedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('item.listedDue')}>{dash(item.listedDue)}</Descriptions.Item>
          <Descriptions.Item label={t('item.listedReason')} span={2}>
            {dash(item.listedReason)}
          </Descriptions.Item>
        </>
      )}
      <Descriptions.Item label={t('item.respondedOn')}>{dash(item.respondedOn)}</Descriptions.Item>
      <Descriptions.Item label={t('item.resolvedOn')}>{dash(item.resolvedOn)}</Descriptions.Item>
      <Descriptions.Item label={t('item.closedOn')}>{dash(item.closedOn)}</Descriptions.Item>
      {item.mergedInto && (
        <Descriptions.Item label={t('item.mergedInto')}>
          <Link to={`/items/${item.mergedInto.id}`}>{item.mergedInto.code}</Link>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function Handling({ detail }: { detail: ItemDetail }) {
  const t = useT();
  const item = detail.item;
  const unitWorks = detail.allowedActions.some((a) => a === 'respond' || a === 'resolve');
  const block = (label: string, text: string | null, testId: string) => (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text strong>{label}</Typography.Text>
      <div style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>
        {text ?? <Typography.Text type="secondary">-</Typography.Text>}
      </div>
    </div>
  );
  return (
    <Card title={t('item.handling')} variant="borderless" size="small">
      {item.returnReason && item.status === 'returned' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${t('item.returnReason')}：${item.returnReason}`}
        />
      )}
      {block(t('item.responsePlan'), item.responsePlan, 'item-plan')}
      {block(t('item.resolution'), item.resolution, 'item-resolution')}
      <ItemAttachments itemId={item.id} files={detail.attachments} editable={unitWorks} />
    </Card>
  );
}

export default function ItemPage() {
  const t = useT();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const { data, isLoading, error } = useItem(valid ? id : null);

  if (!valid || (isApiError(error) && error.status === 404))
    return (
      <Result status="404" title={t('item.notFound')} extra={<Link to="/items">{t('item.back')}</Link>} />
    );
  if (isApiError(error) && error.status === 403)
    return <Result status="403" title={error.message} extra={<Link to="/items">{t('item.back')}</Link>} />;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (isLoading || !data) return <Skeleton active paragraph={{ rows: 10 }} />;

  const item = data.item;
  return (
    <Card variant="borderless" data-testid="item-page">
      <Space vertical size={8} style={{ width: '100%', marginBottom: 16 }}>
        <Link to="/items">
          <ArrowLeftOutlined /> {t('item.back')}
        </Link>
        <Space wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="item-heading">
            {item.title}
          </Typography.Title>
          <ItemKindTag kind={item.kind} />
          <ItemStatusTag status={item.status} />
          <LevelTag item={item} />
          <ListedTag listed={item.listed} />
          <ItemFlags item={item} days />
        </Space>
        <Typography.Text type="secondary" data-testid="item-code">
          {item.code}
        </Typography.Text>
        <ActionButtons detail={data} />
      </Space>
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={15}>
          <Space vertical size={16} style={{ width: '100%' }}>
            <Fields item={item} />
            <Handling detail={data} />
            {data.duplicates.length > 0 && (
              <Card title={t('item.duplicates')} variant="borderless" size="small">
                <Space wrap>
                  {data.duplicates.map((d) => (
                    <Tag key={d.id}>
                      <Link to={`/items/${d.id}`}>
                        {d.code} {d.title}
                      </Link>
                    </Tag>
                  ))}
                </Space>
              </Card>
            )}
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('item.events')} variant="borderless" size="small">
            <ItemEvents events={data.events} />
          </Card>
        </Col>
      </Row>
      <Collapse
        style={{ marginTop: 16 }}
        items={[
          {
            key: 'audit',
            label: t('item.audit'),
            children: <AuditTimeline entity="item" id={String(item.id)} />,
          },
        ]}
      />
    </Card>
  );
}
