// The form of one step of the procedure (and of a new finding): the fields its action needs, sent
// with the version the page was read at; refusals (out of order, too late, unanswered) as messages.
import { Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import {
  findingCategories,
  findingKinds,
  type InspectionAction,
  type InspectionDetail,
  type InspectionStep,
} from '@ducha/contract';
import { useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { useLabels } from '../../../app/labels.ts';
import { categoryOptions } from '../../../components/category.ts';
import { useDictLabel } from '../../../components/pickers.tsx';
import { DateInput } from '../../../components/DateInput.tsx';
import { UnitSelect } from '../../../components/RemoteSelect.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { useAddFinding, useInspectionStep } from './api.ts';

type Action = InspectionAction | 'add_finding';
const req = { required: true, message: '' } as const;

function Fields({ action, d }: { action: Action; d: InspectionDetail }) {
  const t = useT();
  const L = useLabels();
  const me = useMe();
  const category = useDictLabel('item_category');
  const problems = d.findings.filter((f) => f.kind === 'problem' && !f.withdrawn);
  switch (action) {
    case 'add_finding':
      return (
        <>
          <Form.Item name="kind" label={t('insp.findingKind')} initialValue="problem">
            <Radio.Group options={findingKinds.map((k) => ({ value: k, label: L.findingKind(k) }))} />
          </Form.Item>
          <Form.Item name="category" label={t('insp.category')} rules={[req]}>
            <Select options={categoryOptions(findingCategories, category)} data-testid="finding-category" />
          </Form.Item>
          <Form.Item name="content" label={t('insp.content')} rules={[req]}>
            <Input.TextArea rows={3} data-testid="finding-content" />
          </Form.Item>
          <Form.Item name="basis" label={t('insp.basis')}>
            <Input />
          </Form.Item>
        </>
      );
    case 'notify':
      return (
        <>
          <Form.Item name="siteOn" label={t('insp.siteOn')} rules={[req]} initialValue={d.inspection.siteOn}>
            <DateInput />
          </Form.Item>
          <Note />
        </>
      );
    case 'sign':
      return me.role === 'expert' ? null : (
        <Form.Item name="memberId" label={t('insp.memberExpert')} rules={[req]}>
          <Select
            options={d.members
              .filter((m) => m.role === 'expert' && !m.signedAt)
              .map((m) => ({ value: m.id, label: m.name }))}
          />
        </Form.Item>
      );
    case 'opinion':
      return (
        <Form.List
          name="opinions"
          initialValue={problems.map((p) => ({ findingId: p.id, agrees: true, reason: '' }))}
        >
          {(fields) =>
            fields.map((f, n) => (
              <div key={f.key} style={{ marginBottom: 12 }}>
                <Typography.Paragraph style={{ marginBottom: 4 }}>
                  {n + 1}. {problems[n]?.content}
                </Typography.Paragraph>
                <Space>
                  <Form.Item name={[f.name, 'findingId']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'agrees']} noStyle>
                    <Radio.Group
                      options={[
                        { value: true, label: t('insp.agrees') },
                        { value: false, label: t('insp.disagrees') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'reason']} noStyle>
                    <Input placeholder={t('insp.reason')} style={{ width: 280 }} />
                  </Form.Item>
                </Space>
              </div>
            ))
          }
        </Form.List>
      );
    case 'answer':
      return (
        <>
          <Form.Item name="findingId" label={t('insp.findings')} rules={[req]}>
            <Select
              options={problems
                .filter((p) => p.unitAgrees === false && !p.answer)
                .map((p) => ({ value: p.id, label: p.content }))}
            />
          </Form.Item>
          <Form.Item name="outcome" label={t('insp.outcome')} initialValue="keep">
            <Radio.Group
              options={(['keep', 'amend', 'withdraw'] as const).map((o) => ({
                value: o,
                label: t(`insp.${o}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="answer" label={t('insp.answer')} rules={[req]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="content" label={`${t('insp.amend')} · ${t('insp.content')}`}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      );
    case 'formal_report':
    case 'submit_results':
    case 'archive':
      return (
        <Form.Item name="summary" label={t('insp.summary')} rules={[req]}>
          <Input.TextArea rows={3} data-testid="step-summary" />
        </Form.Item>
      );
    case 'rectify':
      return (
        <>
          <Form.Item name="rectificationDue" label={t('insp.rectificationDue')} rules={[req]}>
            <DateInput />
          </Form.Item>
          <Form.Item name="responsibleUnitId" label={t('insp.responsibleUnit')}>
            <UnitSelect />
          </Form.Item>
          <Note />
        </>
      );
    case 'plan_recheck':
      return (
        <Form.Item name="recheckOn" label={t('insp.recheckOn')} rules={[req]}>
          <DateInput />
        </Form.Item>
      );
    case 'recheck_failed':
      return <Note required />;
    case 'confirm':
    case 'issue_draft':
      return <Note />;
    default:
      return null;
  }
}

function Note({ required }: { required?: boolean }) {
  const t = useT();
  return (
    <Form.Item name="note" label={t('insp.note')} rules={required ? [req] : []}>
      <Input.TextArea rows={2} />
    </Form.Item>
  );
}

export function StepModal({
  action,
  d,
  onClose,
}: {
  action: Action;
  d: InspectionDetail;
  onClose: () => void;
}) {
  const t = useT();
  const L = useLabels();
  const [form] = Form.useForm();
  const step = useInspectionStep();
  const add = useAddFinding();
  const onError = useApiError();
  const id = d.inspection.id;
  const version = d.inspection.version;
  const submit = async () => {
    const v = await form.validateFields();
    const done = { onSuccess: onClose, onError: (e: unknown) => onError(e, form) };
    if (action === 'add_finding') add.mutate({ id, version, ...v }, done);
    else step.mutate({ id, version, action, ...v } as InspectionStep & { id: number }, done);
  };
  return (
    <Modal
      open
      title={action === 'add_finding' ? t('insp.addFinding') : L.inspectionAction(action)}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={step.isPending || add.isPending}
      okButtonProps={{ 'data-testid': 'step-ok' } as Record<string, string>}
      width={action === 'opinion' ? 720 : 520}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Fields action={action} d={d} />
      </Form>
    </Modal>
  );
}
