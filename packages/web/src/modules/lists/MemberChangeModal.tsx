// Add a project to a list, change its batch, or remove it; on a published list this files a request (reason required).
import { App, Alert, Form, Input, Modal, Select } from 'antd';
import type { ProjectList } from '@ducha/contract';
import { useMemberChange, type ListMember } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { useApiError } from '../../components/useApiError.ts';
import { ProjectSelect } from '../../components/pickers.tsx';

export type MemberAction = { kind: 'add' } | { kind: 'change_batch' | 'remove'; member: ListMember };

export interface MemberChangeModalProps {
  list: ProjectList;
  action: MemberAction;
  onClose: () => void;
}

export function MemberChangeModal({ list, action, onClose }: MemberChangeModalProps) {
  const t = useT();
  const L = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const change = useMemberChange();
  const onError = useApiError();
  const published = list.status === 'published';
  const member = action.kind === 'add' ? null : action.member;
  const title =
    action.kind === 'add'
      ? t('list.addProject')
      : action.kind === 'remove'
        ? t('list.removeTitle', { name: member?.name ?? '' })
        : t('list.changeBatchTitle', { name: member?.name ?? '' });

  const submit = async () => {
    const v = form.getFieldsValue();
    const reason = typeof v.reason === 'string' && v.reason.trim() ? v.reason.trim() : null;
    const missing: { name: string; errors: string[] }[] = [];
    if (action.kind === 'add' && !v.projectId)
      missing.push({ name: 'projectId', errors: [t('form.required')] });
    if (action.kind !== 'remove' && !v.batch) missing.push({ name: 'batch', errors: [t('form.required')] });
    if (published && !reason) missing.push({ name: 'reason', errors: [t('list.reasonRequired')] });
    if (missing.length) {
      form.setFields(missing);
      return;
    }
    try {
      const r = await change.mutateAsync(
        action.kind === 'add'
          ? { kind: 'add', listId: list.id, projectId: v.projectId, batch: v.batch, reason }
          : action.kind === 'change_batch'
            ? { kind: 'change_batch', listId: list.id, projectId: member!.projectId, batch: v.batch, reason }
            : { kind: 'remove', listId: list.id, projectId: member!.projectId, reason },
      );
      if (r.applied) message.success(t('list.applied'));
      else message.info(t('list.requested'));
      onClose();
    } catch (e) {
      onError(e, form, onClose);
    }
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={submit}
      okText={
        published ? t('list.submitRequest') : action.kind === 'remove' ? t('list.remove') : t('action.save')
      }
      okButtonProps={{ danger: action.kind === 'remove', 'data-testid': 'member-ok' }}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      {published && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('list.publishedHelp')} />
      )}
      {action.kind === 'remove' && !published && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('list.removeHelp')} />
      )}
      <Form form={form} layout="vertical" initialValues={{ batch: member?.batch }}>
        {action.kind === 'add' && (
          <Form.Item name="projectId" label={t('list.project')} required>
            <ProjectSelect style={{ width: '100%' }} />
          </Form.Item>
        )}
        {action.kind !== 'remove' && (
          <Form.Item name="batch" label={t('list.batch')} required>
            <Select options={list.batches.map((b) => ({ value: b, label: L.batch(b) }))} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('field.reason')} required={published}>
          <Input.TextArea rows={3} maxLength={300} showCount placeholder={t('list.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
