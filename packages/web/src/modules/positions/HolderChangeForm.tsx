// "变更任职人": hand a position to another person (or leave it vacant) from a date, with a reason.
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { positionHolderChange } from '@ducha/contract';
import { useChangeHolder, type PositionDetail } from '../../api/org.ts';
import { useT } from '../../app/i18n.tsx';
import { zodForm } from '../../components/zodForm.ts';
import { useApiError } from '../../components/useApiError.ts';
import { PersonSelect } from '../../components/RemoteSelect.tsx';

export function HolderChangeForm({ position, onClose }: { position: PositionDetail; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const change = useChangeHolder();
  const onError = useApiError();
  const zf = zodForm(positionHolderChange, t('form.required'));

  const submit = async () => {
    const values = form.getFieldsValue();
    const date = values.startDate as Dayjs | undefined;
    const body = zf.parse(form, {
      version: position.version,
      personId: values.personId ?? null,
      startDate: date ? date.format('YYYY-MM-DD') : undefined,
      reason: values.reason,
    });
    if (!body) return;
    try {
      await change.mutateAsync({ id: position.id, ...body });
      onClose();
    } catch (e) {
      onError(e, form, onClose);
    }
  };

  return (
    <Modal
      open
      title={t('position.changeHolder')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('position.changeHelp', {
          name: position.name,
          holder: position.holderName ?? t('position.vacant'),
        })}
      />
      <Form form={form} layout="vertical">
        <Form.Item name="personId" label={t('position.newHolder')} extra={t('position.vacantHelp')}>
          <PersonSelect placeholder={t('position.vacant')} />
        </Form.Item>
        <Form.Item name="startDate" label={t('position.startDate')} {...zf.item('startDate')} rules={[]}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="reason" label={t('position.reason')} {...zf.item('reason')}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('position.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
