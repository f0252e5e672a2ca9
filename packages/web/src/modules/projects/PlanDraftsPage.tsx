// 待批准计划: the year's annual plan drafts in the office's scope (after an import, dozens at once); the office
// selects them and approves them in one action with one reason and one effective date, each audited.
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Form, Input, InputNumber, Modal, Tag, Typography } from 'antd';
import { planBatchApprove, type PlanDraftRow } from '@ducha/contract';
import { useApproveDrafts, usePlanDrafts } from '../../api/projects.ts';
import { managerRoles } from '../../app/access.ts';
import { useMe } from '../../app/auth.tsx';
import { ForbiddenPage } from '../../app/ErrorPages.tsx';
import { useT } from '../../app/i18n.tsx';
import { BatchBar, useBatchFeedback, useRowSelection } from '../../components/batch.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { formatDateTime, todayInShanghai } from '../../components/format.ts';
import { ListPage } from '../../components/ListPage.tsx';
import { formatMoney } from '../../components/money.ts';
import { useApiError } from '../../components/useApiError.ts';
import { useTableState } from '../../components/useTableState.ts';
import { zodForm } from '../../components/zodForm.ts';

type Filters = { year: number };
const approveForm = planBatchApprove.omit({ plans: true });

/** One reason and one effective date for every selected draft. */
function ApproveModal({ drafts, onClose }: { drafts: PlanDraftRow[]; onClose: (done: boolean) => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const zf = zodForm(approveForm, t('form.required'));
  const approve = useApproveDrafts();
  const feedback = useBatchFeedback();
  const onError = useApiError();
  const names = new Map(drafts.map((d) => [d.id, `${d.projectCode} ${d.projectName}`]));

  const submit = async () => {
    const body = zf.parse(form, form.getFieldsValue());
    if (!body) return;
    try {
      const res = await approve.mutateAsync({
        ...body,
        plans: drafts.map((d) => ({ id: d.id, version: d.version })),
      });
      feedback(res, {
        done: t('planDrafts.approved', { n: res.done }),
        label: (id) => names.get(id) ?? `#${id}`,
      });
      onClose(true);
    } catch (e) {
      onError(e, form);
    }
  };

  return (
    <Modal
      open
      title={t('planDrafts.approveTitle', { n: drafts.length })}
      onCancel={() => onClose(false)}
      onOk={submit}
      okText={t('plan.approve')}
      okButtonProps={{ 'data-testid': 'drafts-approve-ok' }}
      confirmLoading={approve.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('planDrafts.approveHelp')} />
      <Form form={form} layout="vertical" initialValues={{ effectiveFrom: todayInShanghai() }}>
        <Form.Item name="reason" label={t('planDrafts.reason')} {...zf.item('reason')}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder={t('planDrafts.reasonPlaceholder')}
            data-testid="drafts-reason"
          />
        </Form.Item>
        <Form.Item
          name="effectiveFrom"
          label={t('plan.effectiveFrom')}
          extra={t('plan.effectiveHelp')}
          {...zf.item('effectiveFrom')}
        >
          <DateInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DraftsTable() {
  const t = useT();
  const table = useTableState<Filters>({ year: Number(todayInShanghai().slice(0, 4)) });
  const query = usePlanDrafts(table.params);
  const selection = useRowSelection<PlanDraftRow>();
  const [approving, setApproving] = useState(false);
  const year = table.state.filters.year;

  const columns = [
    { title: t('project.code'), dataIndex: 'projectCode', width: 140 },
    {
      title: t('field.name'),
      dataIndex: 'projectName',
      render: (name: string, d: PlanDraftRow) => (
        <Link to={`/projects/${d.projectId}?tab=plans`}>{name}</Link>
      ),
    },
    { title: t('project.region'), dataIndex: 'regionName' },
    {
      title: t('project.responsibleUnit'),
      dataIndex: 'responsibleUnitName',
      render: (v: string | null) => v ?? '-',
    },
    {
      title: t('plan.plannedInvestment'),
      dataIndex: 'plannedInvestment',
      align: 'right' as const,
      render: (v: string) => formatMoney(v),
    },
    { title: t('planDrafts.milestones'), dataIndex: 'milestoneCount', align: 'right' as const },
    {
      title: t('planDrafts.kind'),
      dataIndex: 'baselineNo',
      render: (n: number | null) =>
        n === null ? (
          <Tag color="blue">{t('planDrafts.new')}</Tag>
        ) : (
          <Tag color="orange">{t('planDrafts.change', { n })}</Tag>
        ),
    },
    { title: t('plan.changeReason'), dataIndex: 'changeReason', render: (v: string | null) => v ?? '-' },
    { title: t('planDrafts.createdBy'), dataIndex: 'createdBy', render: (v: string | null) => v ?? '-' },
    { title: t('planDrafts.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
  ];

  return (
    <ListPage<PlanDraftRow, Filters>
      title={t('menu.planDrafts')}
      testId="drafts"
      table={table}
      query={query}
      searchPlaceholder={t('project.search')}
      filters={
        <>
          <Typography.Text>{t('field.year')}</Typography.Text>
          <InputNumber
            value={year}
            min={2000}
            max={2100}
            onChange={(v) => {
              if (!v) return;
              selection.clear();
              table.setFilter({ year: v });
            }}
            data-testid="drafts-year"
          />
          <Typography.Text type="secondary">{t('planDrafts.help')}</Typography.Text>
        </>
      }
      columns={columns}
      rowSelection={selection.rowSelection}
      batchBar={
        <BatchBar count={selection.count} onClear={selection.clear} testId="drafts-batch">
          <Button type="primary" onClick={() => setApproving(true)} data-testid="drafts-approve">
            {t('planDrafts.approveSelected', { n: selection.count })}
          </Button>
        </BatchBar>
      }
    >
      {approving && (
        <ApproveModal
          drafts={selection.selected}
          onClose={(done) => {
            setApproving(false);
            if (done) selection.clear();
          }}
        />
      )}
    </ListPage>
  );
}

export default function PlanDraftsPage() {
  const me = useMe();
  return managerRoles.includes(me.role) ? <DraftsTable /> : <ForbiddenPage />;
}
