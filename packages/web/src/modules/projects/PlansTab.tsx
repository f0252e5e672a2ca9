// 计划与节点: a year's draft and baselines as a version list, the chosen version's months and milestones.
import { useMemo, useState } from 'react';
import { Alert, Button, Col, Empty, Row, Select, Skeleton, Space, Table, Typography } from 'antd';
import { CheckOutlined, EditOutlined } from '@ant-design/icons';
import type { AnnualPlan, Project } from '@ducha/contract';
import { usePlans } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { formatDate } from '../../components/format.ts';
import type { ProjectAccess } from './access.ts';
import { formatMoney } from '../../components/money.ts';
import { PlanStatusTag, PlanView } from './PlanView.tsx';
import { PlanDraftForm } from './PlanDraftForm.tsx';
import { ApprovePlanModal } from './ApprovePlanModal.tsx';

export function PlansTab({ p, access }: { p: Project; access: ProjectAccess }) {
  const t = useT();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const [approving, setApproving] = useState(false);
  const plans = usePlans(p.id);

  const years = useMemo(() => {
    const set = new Set([thisYear - 1, thisYear, thisYear + 1, ...(plans.data ?? []).map((x) => x.year)]);
    return [...set].sort((a, b) => b - a);
  }, [plans.data, thisYear]);
  const ofYear = (plans.data ?? []).filter((x) => x.year === year);
  const draft = ofYear.find((x) => x.status === 'draft');
  const inForce = ofYear.find((x) => x.status === 'approved');
  const selected = ofYear.find((x) => x.id === selectedId) ?? inForce ?? draft ?? null;

  const versionLabel = (x: AnnualPlan) =>
    x.status === 'draft' ? t('plan.draft') : t('plan.baselineN', { n: x.baselineNo });

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('plan.year')}</Typography.Text>
        <Select
          value={year}
          onChange={(y) => {
            setYear(y);
            setSelectedId(null);
          }}
          options={years.map((y) => ({ value: y, label: t('project.yearN', { year: y }) }))}
          style={{ width: 120 }}
          data-testid="plan-year"
        />
        {access.editor && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="plan-edit-draft">
            {t('plan.editDraft')}
          </Button>
        )}
        {access.manager && draft && (
          <Button
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => setApproving(true)}
            data-testid="plan-approve"
          >
            {t('plan.approve')}
          </Button>
        )}
      </Space>
      {inForce && draft && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('plan.draftPending', { n: inForce.baselineNo })}
        />
      )}
      {plans.isLoading ? (
        <Skeleton active />
      ) : ofYear.length === 0 ? (
        <Empty description={t('plan.none', { year })} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={9}>
            <Typography.Title level={5}>{t('plan.versions')}</Typography.Title>
            <Table<AnnualPlan>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={ofYear}
              data-testid="plan-versions"
              onRow={(x) => ({ onClick: () => setSelectedId(x.id), style: { cursor: 'pointer' } })}
              rowClassName={(x) => (x.id === selected?.id ? 'ant-table-row-selected' : '')}
              columns={[
                {
                  title: t('plan.version'),
                  key: 'v',
                  render: (_: unknown, x) => <span style={{ whiteSpace: 'nowrap' }}>{versionLabel(x)}</span>,
                },
                { title: t('field.status'), key: 's', render: (_: unknown, x) => <PlanStatusTag plan={x} /> },
                {
                  title: t('plan.amountWan'),
                  dataIndex: 'plannedInvestment',
                  align: 'right',
                  render: (v: string) => formatMoney(v),
                },
                {
                  title: t('plan.effectiveFrom'),
                  key: 'e',
                  render: (_: unknown, x) => (x.status === 'draft' ? '-' : formatDate(x.effectiveFrom)),
                },
              ]}
            />
          </Col>
          <Col xs={24} xl={15}>
            {selected && (
              <PlanView
                plan={selected}
                title={versionLabel(selected)}
                editable={access.editor && selected.status !== 'superseded'}
              />
            )}
          </Col>
        </Row>
      )}
      {editing && (
        <PlanDraftForm
          projectId={p.id}
          year={year}
          draft={draft ?? null}
          baseline={inForce ?? null}
          onClose={() => setEditing(false)}
          onSaved={(x) => setSelectedId(x.id)}
        />
      )}
      {approving && draft && (
        <ApprovePlanModal
          projectId={p.id}
          draft={draft}
          previous={inForce ?? null}
          onClose={() => setApproving(false)}
          onApproved={(x) => setSelectedId(x.id)}
        />
      )}
    </>
  );
}
