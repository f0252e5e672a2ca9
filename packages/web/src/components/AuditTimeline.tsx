// Reusable audit timeline of one record: <AuditTimeline entity="unit" id={String(id)} />.
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { AuditEvent } from '@ducha/contract';
import { useAudit } from '../api/audit.ts';
import { useT } from '../app/i18n.tsx';
import { useLabels } from '../app/labels.ts';
import { formatDateTime } from './format.ts';
import { visibleDiff } from './auditDiff.ts';

export interface AuditTimelineProps {
  /** Audit entity name as the server records it (`unit`, `person`, `project`, …). */
  entity: string;
  id: string;
  /** Labels for diff field names; common fields are already known. */
  fieldLabels?: Record<string, string>;
  pageSize?: number;
}

const actionColors: Record<string, string> = {
  create: 'green',
  deactivate: 'red',
  activate: 'blue',
  login_failed: 'red',
  locked: 'red',
  revoke_token: 'orange',
};

/** One line per changed field; a field that had no value before shows only its new value. */
function DiffLines({
  diff,
  fieldLabels,
}: {
  diff: AuditEvent['diff'];
  fieldLabels?: Record<string, string>;
}) {
  const L = useLabels();
  const entries = visibleDiff(diff);
  if (entries.length === 0) return null;
  return (
    <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
      {entries.map(([field, change]) => (
        <li key={field}>
          <Typography.Text type="secondary">{fieldLabels?.[field] ?? L.field(field)}：</Typography.Text>
          {change.before !== null && change.before !== undefined && (
            <>
              <Typography.Text delete type="secondary">
                {L.value(field, change.before)}
              </Typography.Text>
              {' → '}
            </>
          )}
          <Typography.Text>{L.value(field, change.after)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** A meeting on an item's or a project's timeline: which meeting (a link), and what it said. */
function MeetingMark({ diff }: { diff: AuditEvent['diff'] }) {
  const id = diff.meetingId?.after;
  const name = String(diff.meeting?.after ?? '');
  const heldOn = diff.heldOn?.after;
  return (
    <div data-testid="timeline-meeting">
      <div>
        {typeof id === 'number' ? <Link to={`/meetings/${id}`}>{name}</Link> : name}
        {typeof heldOn === 'string' && <Typography.Text type="secondary">（{heldOn}）</Typography.Text>}
      </div>
      {diff.outcome?.after !== undefined && (
        <div style={{ whiteSpace: 'pre-wrap' }}>{String(diff.outcome.after)}</div>
      )}
    </div>
  );
}

export function AuditTimeline({ entity, id, fieldLabels, pageSize = 20 }: AuditTimelineProps) {
  const t = useT();
  const L = useLabels();
  const [limit, setLimit] = useState(pageSize);
  const { data, isLoading, error } = useAudit({ entity, id, page: 1, pageSize: limit });
  if (isLoading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  const items = data?.items ?? [];
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} />;
  return (
    <>
      <Timeline
        data-testid="audit-timeline"
        items={items.map((e) => ({
          key: e.id,
          color: actionColors[e.action] ?? 'blue',
          content: (
            <div>
              <div>
                <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>{' '}
                <Typography.Text strong>{e.actorName ?? t('audit.system')}</Typography.Text>{' '}
                <Tag color={actionColors[e.action]} data-testid="timeline-action">
                  {L.event(e)}
                </Tag>
              </div>
              {e.reason && (
                <div>
                  <Typography.Text type="secondary">{t('audit.reason')}：</Typography.Text>
                  {e.reason}
                </div>
              )}
              {e.action === 'meeting' && e.diff.meetingId ? (
                <MeetingMark diff={e.diff} />
              ) : (
                <DiffLines diff={e.diff} fieldLabels={fieldLabels} />
              )}
            </div>
          ),
        }))}
      />
      {(data?.total ?? 0) > items.length && (
        <Button type="link" onClick={() => setLimit((n) => n + pageSize)}>
          {t('audit.more', { n: (data?.total ?? 0) - items.length })}
        </Button>
      )}
    </>
  );
}
