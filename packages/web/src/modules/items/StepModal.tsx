// One step on an item (交办, 答复, 办结, 退回, 销号, 合并, 升级, 挂牌督办, 催办, 修改): a small form of that
// step's fields from the contract's `itemStep` union, posted with the version the page read.
import { App, Form, Input, Modal, Select, Typography, type FormInstance, type FormRule } from 'antd';
import { itemStep, type Item, type ItemAction } from '@ducha/contract';
import { useItemCategories, useItemStep, type ItemStepBody } from '../../api/items.ts';
import { useCan } from '../../app/auth.tsx';
import { useI18n, useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { RemoteSelect, UnitSelect, optionOf } from '../../components/RemoteSelect.tsx';
import { zodForm } from '../../components/zodForm.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { PositionSelect, UnitMultiSelect } from '../../components/pickers.tsx';
import { useStepError } from './useStepError.ts';

/** The schema of one action's step (a member of the discriminated union). */
export function stepSchema(action: ItemAction) {
  const s = itemStep.options.find((o) => o.shape.action.value === action);
  if (!s) throw new Error(`no step schema for ${action}`);
  return s;
}

const itemOption = (i: Item) => ({ value: i.id, label: `${i.code} ${i.title}` });

function StepFields({ action, item, z }: { action: ItemAction; item: Item; z: StepForm }) {
  const t = useT();
  const can = useCan();
  const { lang } = useI18n();
  const categories = useItemCategories({
    current: [item.category],
    dictionary: can('project.read'),
    lang,
  });
  const text = (name: string, label: string, rows = 4, max = 500) => (
    <Form.Item name={name} label={label} {...z.item(name)}>
      <Input.TextArea rows={rows} maxLength={max} showCount data-testid={`step-${name}`} />
    </Form.Item>
  );
  const date = (name: string, label: string, extra?: string) => (
    <Form.Item name={name} label={label} extra={extra} {...z.item(name)}>
      <DateInput />
    </Form.Item>
  );
  switch (action) {
    case 'assign':
      return (
        <>
          <Form.Item
            name="responsibleUnitId"
            label={t('item.responsibleUnit')}
            {...z.item('responsibleUnitId')}
          >
            <UnitSelect
              initialOptions={optionOf(item.responsibleUnit?.id, item.responsibleUnit?.name)}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item name="coUnitIds" label={t('item.coUnits')} {...z.item('coUnitIds')}>
            <UnitMultiSelect initialOptions={item.coUnits.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item
            name="responsibleLeaderPositionId"
            label={t('item.leader')}
            {...z.item('responsibleLeaderPositionId')}
          >
            <PositionSelect
              initialOptions={optionOf(item.responsibleLeader?.positionId, item.responsibleLeader?.title)}
              style={{ width: '100%' }}
            />
          </Form.Item>
          {date('responseDue', t('item.responseDue'), t('item.responseDueHelp'))}
          {date('resolutionDue', t('item.resolutionDue'))}
          {text('note', t('item.note'), 2)}
        </>
      );
    case 'respond':
      return (
        <>
          {text('plan', t('item.responsePlan'), 6, 2000)}
          {date('promisedDate', t('item.promisedDate'))}
        </>
      );
    case 'resolve':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('item.resolveHelp')}</Typography.Paragraph>
          {text('resolution', t('item.resolution'), 6, 2000)}
        </>
      );
    case 'return':
    case 'escalate':
      return text('reason', t('item.reason'));
    case 'close':
    case 'remind':
      return text('note', t('item.note'), 3);
    case 'merge':
      return (
        <>
          <Form.Item name="targetId" label={t('item.mergeTarget')} {...z.item('targetId')}>
            <RemoteSelect<Item>
              resource="items"
              params={{ open: true }}
              toOption={itemOption}
              placeholder={t('item.mergeTargetPlaceholder')}
              style={{ width: '100%' }}
            />
          </Form.Item>
          {text('reason', t('item.reason'))}
        </>
      );
    case 'list':
      return (
        <>
          {date('due', t('item.listDue'))}
          {text('reason', t('item.reason'))}
        </>
      );
    case 'edit':
      return (
        <>
          <Form.Item name="category" label={t('item.category')} {...z.item('category')}>
            <Select options={categories} />
          </Form.Item>
          <Form.Item name="title" label={t('item.title')} {...z.item('title')}>
            <Input maxLength={60} showCount />
          </Form.Item>
          <Form.Item name="description" label={t('item.description')} {...z.item('description')}>
            <Input.TextArea rows={5} maxLength={2000} showCount />
          </Form.Item>
          {date('responseDue', t('item.responseDue'))}
          {date('resolutionDue', t('item.resolutionDue'))}
          {text('reason', t('item.editReason'))}
        </>
      );
  }
}

/** zodForm of one step's schema, addressed by plain field names (the union's keys differ per action). */
interface StepForm {
  item(name: string): { rules: FormRule[]; required: boolean };
  parse(form: FormInstance, values: Record<string, unknown>): ItemStepBody | null;
}
const stepForm = (action: ItemAction, required: string) =>
  zodForm(stepSchema(action), required) as unknown as StepForm;

const editable = ['category', 'title', 'description', 'responseDue', 'resolutionDue'] as const;

/** Values the form starts with: the item's current ones where the step edits them. */
function initialValues(action: ItemAction, item: Item): Record<string, unknown> {
  if (action === 'assign')
    return {
      responsibleUnitId: item.responsibleUnit?.id,
      coUnitIds: item.coUnits.map((u) => u.id),
      responsibleLeaderPositionId: item.responsibleLeader?.positionId,
      resolutionDue: item.resolutionDue,
    };
  if (action === 'respond') return { plan: item.responsePlan ?? '', promisedDate: item.promisedDate };
  if (action === 'resolve') return { resolution: item.resolution ?? '' };
  if (action === 'edit')
    return {
      category: item.category,
      title: item.title,
      description: item.description,
      responseDue: item.responseDue,
      resolutionDue: item.resolutionDue,
    };
  return {};
}

export function StepModal({
  action,
  item,
  onClose,
}: {
  action: ItemAction;
  item: Item;
  onClose: () => void;
}) {
  const t = useT();
  const L = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const step = useItemStep();
  const onError = useStepError();
  const z = stepForm(action, t('form.required'));
  const label = L.itemAction(action);

  const submit = async () => {
    const body = z.parse(form, { ...form.getFieldsValue(), action, version: item.version });
    if (!body) return;
    if (body.action === 'edit') {
      // send only what changed: unchanged (possibly past) deadlines are not re-validated
      const b = body as Record<string, unknown>;
      for (const k of editable) if ((b[k] ?? null) === (item[k] ?? null)) delete b[k];
    }
    try {
      await step.mutateAsync({ ...body, id: item.id });
      message.success(t('item.stepDone', { action: label }));
      onClose();
    } catch (e) {
      onError(e, form, onClose);
    }
  };

  return (
    <Modal
      open
      title={t('item.stepTitle', { action: label, code: item.code })}
      onCancel={onClose}
      onOk={submit}
      okText={label}
      okButtonProps={{
        loading: step.isPending,
        danger: action === 'return',
        'data-testid': 'item-step-ok',
      }}
      width={560}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initialValues(action, item)}>
        <StepFields action={action} item={item} z={z} />
      </Form>
    </Modal>
  );
}
