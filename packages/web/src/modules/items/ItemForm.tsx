// 新建督办事项 / 上报问题: raise an item from the ledger (optional project), a project page or a monthly report.
import { App, Alert, Form, Input, Select } from 'antd';
import { itemCreate, itemKinds, type ItemKind } from '@ducha/contract';
import { useCreateItem, useItemCategories, type ItemDetail } from '../../api/items.ts';
import { useCan } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { zodForm } from '../../components/zodForm.ts';
import { ProjectSelect } from '../../components/pickers.tsx';

export interface ItemFormProps {
  /** Where it is raised: the ledger (any kind, optional project), a project page, or a monthly report. */
  source: 'ledger' | 'project' | 'report';
  project?: { id: number; name: string };
  reportId?: number;
  /** Shown at the top (e.g. the report's month). */
  context?: string;
  onClose: () => void;
  onCreated?: (d: ItemDetail) => void;
}

interface Values {
  kind?: ItemKind;
  projectId?: number | null;
  category?: string;
  title?: string;
  description?: string;
}

export function ItemForm({ source, project, reportId, context, onClose, onCreated }: ItemFormProps) {
  const t = useT();
  const L = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateItem();
  const onError = useApiError();
  const can = useCan();
  const categories = useItemCategories({ dictionary: can('project.read'), lang: L.lang });
  const z = zodForm(itemCreate, t('form.required'));
  const ledger = source === 'ledger';

  const submit = async () => {
    const v = form.getFieldsValue();
    const body = z.parse(form, {
      kind: ledger ? (v.kind ?? 'problem') : 'problem',
      source: source === 'report' ? 'report' : 'project',
      projectId: project?.id ?? v.projectId ?? null,
      reportId: source === 'report' ? (reportId ?? null) : undefined,
      category: v.category,
      title: v.title,
      description: v.description,
    });
    if (!body) return;
    // the ledger's items without a project come from the raiser (a leader's instruction, a meeting)
    if (ledger && !body.projectId) body.source = body.kind === 'instruction' ? 'leader' : 'other';
    try {
      const d = await create.mutateAsync(body);
      message.success(t('item.created', { code: d.item.code }));
      onCreated?.(d);
      onClose();
    } catch (e) {
      onError(e, form);
    }
  };

  return (
    <FormDrawer
      title={ledger ? t('item.create') : t('item.raiseFor', { name: project?.name ?? '' })}
      onClose={onClose}
      onSave={submit}
      saving={create.isPending}
      testId="item-save"
    >
      {context && <Alert type="info" showIcon title={context} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'problem' }}>
        {ledger && (
          <Form.Item name="kind" label={t('item.kind')} {...z.item('kind')} required>
            <Select options={itemKinds.map((k) => ({ value: k, label: L.itemKind(k) }))} />
          </Form.Item>
        )}
        {ledger && (
          <Form.Item name="projectId" label={t('item.project')}>
            <ProjectSelect style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="category" label={t('item.category')} {...z.item('category')}>
          <Select options={categories} showSearch data-testid="item-category" />
        </Form.Item>
        <Form.Item name="title" label={t('item.title')} {...z.item('title')}>
          <Input maxLength={60} showCount data-testid="item-title" />
        </Form.Item>
        <Form.Item name="description" label={t('item.description')} {...z.item('description')}>
          <Input.TextArea rows={6} maxLength={2000} showCount data-testid="item-description" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
