// "批准为基线": the office approves the year's draft; it becomes the next baseline from a given date.
import { useState } from 'react';
import { Alert, Descriptions, Form, Modal } from 'antd';
import type { AnnualPlan } from '@ducha/contract';
import { useApprovePlan } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { todayInShanghai } from '../../components/format.ts';
import { useApiError } from '../../components/useApiError.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { formatMoney } from '../../components/money.ts';

export interface ApprovePlanModalProps {
  projectId: number;
  draft: AnnualPlan;
  previous: AnnualPlan | null;
  onClose: () => void;
  onApproved?: (plan: AnnualPlan) => void;
}

export function ApprovePlanModal({ projectId, draft, previous, onClose, onApproved }: ApprovePlanModalProps) {
  const t = useT();
  const approve = useApprovePlan();
  const onError = useApiError();
  // the server's default when no date is sent: a year's first baseline from January 1, a later one from today
  const defaultFrom = previous ? todayInShanghai() : `${draft.year}-01-01`;
  const [effectiveFrom, setEffectiveFrom] = useState<string | null>(defaultFrom);
  const next = (previous?.baselineNo ?? 0) + 1;

  const submit = async () => {
    try {
      const plan = await approve.mutateAsync({
        id: projectId,
        year: draft.year,
        version: draft.version,
        effectiveFrom: effectiveFrom ?? undefined,
      });
      onApproved?.(plan);
      onClose();
    } catch (e) {
      onError(e, undefined, onClose);
    }
  };

  return (
    <Modal
      open
      title={t('plan.approve')}
      onCancel={onClose}
      onOk={submit}
      okText={t('plan.approveOk', { n: next })}
      okButtonProps={{ 'data-testid': 'plan-approve-ok' }}
      confirmLoading={approve.isPending}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          previous
            ? t('plan.approveSupersedes', { n: next, prev: previous.baselineNo })
            : t('plan.approveFirst')
        }
      />
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'y', label: t('plan.year'), children: draft.year },
          { key: 'pi', label: t('plan.plannedInvestment'), children: formatMoney(draft.plannedInvestment) },
          { key: 'ms', label: t('plan.milestones'), children: draft.milestones.length },
          { key: 'cr', label: t('plan.changeReason'), children: draft.changeReason ?? '-' },
        ]}
      />
      <Form layout="vertical">
        <Form.Item
          label={t('plan.effectiveFrom')}
          extra={
            <span data-testid="plan-effective-help">
              {previous ? t('plan.effectiveHelp') : t('plan.effectiveHelpFirst', { year: draft.year })}
            </span>
          }
        >
          <DateInput value={effectiveFrom} onChange={setEffectiveFrom} id="plan-effective-from" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
