// 待办: what waits for the user, by role, each count a link to the list it counts.
import { Link } from 'react-router';
import { Badge, Card, Empty, List, Typography } from 'antd';
import { useWorkbench, type Workbench } from '../../api/workbench.ts';
import { useT } from '../../app/i18n.tsx';
import type { MsgKey } from '../../app/messages/zh.ts';

interface Row {
  key: string;
  label: string;
  count: number;
  to: string;
  /** red badge: something is late */
  urgent?: boolean;
}

/** The rows of each role's to-do list (counts of zero are shown: "nothing waits" is news too). */
function rows(w: Workbench, t: (k: MsgKey, v?: Record<string, string | number>) => string): Row[] {
  const out: Row[] = [];
  const o = w.office;
  if (o) {
    const month = o.lastDueMonth;
    out.push(
      {
        key: 'verify',
        label: t('work.toVerify'),
        count: o.reportsToVerify,
        to: `/reports/queue?month=${w.months.queue}`,
      },
      {
        key: 'missing',
        label: t('work.missing', { month }),
        count: o.reportsMissing,
        to: `/reports/overdue?month=${month}`,
        urgent: true,
      },
      {
        key: 'late',
        label: t('work.late', { month }),
        count: o.reportsLate,
        to: `/lights?month=${month}`,
        urgent: true,
      },
      {
        key: 'itemsOverdue',
        label: t('work.itemsOverdue'),
        count: o.itemsOverdue,
        to: '/items?overdue=true&open=true',
        urgent: true,
      },
      {
        key: 'proposals',
        label: t('work.proposals'),
        count: o.escalationProposals,
        to: '/items/escalations',
      },
      { key: 'adjustments', label: t('work.adjustments'), count: o.listAdjustments, to: '/lists' },
      { key: 'planDrafts', label: t('work.planDrafts'), count: o.planDrafts, to: '/projects/plan-drafts' },
    );
  }
  const f = w.filer;
  if (f) {
    out.push(
      {
        key: 'overdue',
        label: t('work.overdue'),
        count: f.reportsOverdue,
        to: '/reports/inbox',
        urgent: true,
      },
      {
        key: 'returned',
        label: t('work.returned'),
        count: f.reportsReturned,
        to: '/reports/inbox',
        urgent: true,
      },
      { key: 'due', label: t('work.due'), count: f.reportsDue, to: '/reports/inbox' },
      { key: 'toAnswer', label: t('work.toAnswer'), count: f.itemsToAnswer, to: '/items?mine=toAnswer' },
    );
  }
  const i = w.instructions;
  if (i) {
    out.push(
      {
        key: 'iOpen',
        label: t('work.instructionsOpen'),
        count: i.open,
        to: '/items?kind=instruction&open=true&mine=raised',
      },
      {
        key: 'iOverdue',
        label: t('work.instructionsOverdue'),
        count: i.overdue,
        to: '/items?kind=instruction&open=true&overdue=true&mine=raised',
        urgent: true,
      },
      {
        key: 'iClosed',
        label: t('work.instructionsClosed'),
        count: i.closed,
        to: '/items?kind=instruction&status=closed&mine=raised',
      },
    );
  }
  return out;
}

/** The to-do card; `title` overrides the heading (the leader's 我的批示 on the dashboard). */
export function WorkCard({ title }: { title?: string }) {
  const t = useT();
  const work = useWorkbench();
  const list = work.data ? rows(work.data, t) : [];
  return (
    <Card
      title={title ?? t('work.title')}
      variant="borderless"
      loading={work.isLoading}
      data-testid="work-card"
    >
      {work.error ? (
        <Typography.Text type="danger">{work.error.message}</Typography.Text>
      ) : list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.none')} />
      ) : (
        <List
          size="small"
          dataSource={list}
          renderItem={(r) => (
            <List.Item key={r.key} data-testid={`work-${r.key}`}>
              <Link to={r.to}>{r.label}</Link>
              <Badge
                count={r.count}
                showZero
                overflowCount={9999}
                color={r.count === 0 ? '#bfbfbf' : r.urgent ? '#cf1322' : '#1677ff'}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
