// One plan version: summary, the 12 months as a bar table with totals and a sum check, and its milestones.
import { App, Collapse, Descriptions, Space, Table, Tag, Typography, type DescriptionsProps } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Decimal, type AnnualPlan } from '@ducha/contract';
import { useMilestoneActual } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { AuditTimeline } from '../../components/AuditTimeline.tsx';
import { formatDate, formatDateTime, todayInShanghai } from '../../components/format.ts';
import { useApiError } from '../../components/useApiError.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { formatMoney, sumMoney } from '../../components/money.ts';
import { useLabels } from '../../app/labels.ts';

type Milestone = AnnualPlan['milestones'][number];

const statusColors: Record<AnnualPlan['status'], string> = {
  draft: 'orange',
  approved: 'green',
  superseded: 'default',
};

export function PlanStatusTag({ plan }: { plan: Pick<AnnualPlan, 'status'> }) {
  const L = useLabels();
  return <Tag color={statusColors[plan.status]}>{L.planStatus(plan.status)}</Tag>;
}

/** Planned date passed and no actual date (DOMAIN §5 "Milestone overdue"). */
export const isOverdue = (m: { plannedDate: string; actualDate: string | null }, today = todayInShanghai()) =>
  !m.actualDate && m.plannedDate < today;

export function MonthsTable({ plan }: { plan: Pick<AnnualPlan, 'monthly' | 'plannedInvestment'> }) {
  const t = useT();
  const total = sumMoney(plan.monthly) ?? new Decimal(0);
  const annual = new Decimal(plan.plannedInvestment);
  const max = Decimal.max(...plan.monthly.map((m) => new Decimal(m)), new Decimal(0));
  let running = new Decimal(0);
  const rows = plan.monthly.map((m, i) => {
    running = running.plus(m);
    return { month: i + 1, amount: m, cumulative: running.toFixed(2) };
  });
  const ok = total.equals(annual);
  return (
    <Table
      rowKey="month"
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="plan-months"
      columns={[
        {
          title: t('plan.month'),
          dataIndex: 'month',
          width: 70,
          render: (m: number) => t('plan.monthN', { m }),
        },
        {
          title: t('plan.amountWan'),
          dataIndex: 'amount',
          align: 'right',
          width: 130,
          render: (v: string) => formatMoney(v),
        },
        {
          title: '',
          key: 'bar',
          render: (_: unknown, r) => (
            <div style={{ background: '#f0f5ff', height: 12, borderRadius: 2 }}>
              <div
                style={{
                  width: max.isZero() ? 0 : `${new Decimal(r.amount).div(max).times(100).toFixed(1)}%`,
                  height: 12,
                  background: '#1f5fbf',
                  borderRadius: 2,
                }}
              />
            </div>
          ),
        },
        {
          title: t('plan.cumulative'),
          dataIndex: 'cumulative',
          align: 'right',
          width: 150,
          render: (v: string) => (
            <span>
              {formatMoney(v)}
              <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                {annual.isZero() ? '' : `${new Decimal(v).div(annual).times(100).toFixed(1)}%`}
              </Typography.Text>
            </span>
          ),
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{t('plan.total')}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <Typography.Text strong>{formatMoney(total.toFixed(2))}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} colSpan={2}>
            {ok ? (
              <Typography.Text type="success" data-testid="plan-sum-ok">
                <CheckCircleFilled /> {t('plan.sumOk', { annual: formatMoney(plan.plannedInvestment) })}
              </Typography.Text>
            ) : (
              <Typography.Text type="danger">
                <CloseCircleFilled />{' '}
                {t('plan.sumDiff', { diff: formatMoney(total.minus(annual).toFixed(2)) })}
              </Typography.Text>
            )}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

function MilestonesTable({ plan, editable }: { plan: AnnualPlan; editable: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const onError = useApiError();
  const setActual = useMilestoneActual();
  const today = todayInShanghai();
  const save = (m: Milestone, actualDate: string | null) =>
    setActual.mutateAsync({ id: m.id, actualDate }).then(
      () => message.success(t('plan.actualSaved')),
      (e) => onError(e),
    );
  return (
    <Table<Milestone>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={plan.milestones}
      locale={{ emptyText: t('plan.noMilestones') }}
      data-testid="plan-milestones"
      columns={[
        { title: '#', dataIndex: 'seq', width: 48 },
        { title: t('plan.milestoneName'), dataIndex: 'name' },
        {
          title: t('plan.plannedDate'),
          dataIndex: 'plannedDate',
          width: 120,
          render: (v: string, m) => (
            <Typography.Text type={isOverdue(m, today) ? 'danger' : undefined}>{v}</Typography.Text>
          ),
        },
        {
          title: t('plan.actualDate'),
          dataIndex: 'actualDate',
          width: 170,
          render: (v: string | null, m) =>
            editable ? (
              <DateInput
                notAfterToday
                size="small"
                value={v}
                onChange={(d) => save(m, d)}
                placeholder={t('plan.fillActual')}
              />
            ) : (
              (v ?? '-')
            ),
        },
        {
          title: t('field.status'),
          key: 'state',
          width: 90,
          render: (_: unknown, m) =>
            m.actualDate ? (
              <Tag color="success">{t('plan.reached')}</Tag>
            ) : isOverdue(m, today) ? (
              <Tag color="error">{t('plan.overdue')}</Tag>
            ) : (
              <Tag>{t('plan.notDue')}</Tag>
            ),
        },
      ]}
      onRow={(m) => ({ style: isOverdue(m, today) ? { background: '#fff1f0' } : undefined })}
    />
  );
}

export function PlanView({ plan, title, editable }: { plan: AnnualPlan; title: string; editable: boolean }) {
  const t = useT();
  const dash = (v: string | null) => v ?? '-';
  const items: DescriptionsProps['items'] = [
    { key: 'pi', label: t('plan.plannedInvestment'), children: <b>{formatMoney(plan.plannedInvestment)}</b> },
    { key: 'st', label: t('field.status'), children: <PlanStatusTag plan={plan} /> },
    { key: 'pt', label: t('plan.physicalTarget'), span: 2, children: dash(plan.physicalTarget) },
    { key: 'ts', label: t('plan.targetStart'), children: dash(plan.targetStart) },
    { key: 'tc', label: t('plan.targetCompletion'), children: dash(plan.targetCompletion) },
    { key: 'tp', label: t('plan.targetProduction'), children: dash(plan.targetProduction) },
    { key: 'ef', label: t('plan.effectiveFrom'), children: formatDate(plan.effectiveFrom) },
    { key: 'cr', label: t('plan.changeReason'), span: 2, children: dash(plan.changeReason) },
    {
      key: 'cb',
      label: t('plan.createdBy'),
      children: `${dash(plan.createdBy)} ${formatDateTime(plan.createdAt)}`,
    },
    {
      key: 'ab',
      label: t('plan.approvedBy'),
      children: plan.approvedBy ? `${plan.approvedBy} ${formatDateTime(plan.approvedAt)}` : '-',
    },
  ];
  return (
    <Space vertical size="middle" style={{ width: '100%' }} data-testid="plan-view">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
      <MonthsTable plan={plan} />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('plan.milestones')}
      </Typography.Title>
      <MilestonesTable plan={plan} editable={editable} />
      <Collapse
        size="small"
        items={[
          {
            key: 'audit',
            label: t('plan.audit'),
            children: <AuditTimeline entity="annual_plan" id={String(plan.id)} />,
          },
        ]}
      />
    </Space>
  );
}
