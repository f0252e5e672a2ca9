// "变更阶段": move a project to another stage on a date with a reason (the server checks the actual dates).
import { Alert, Form, Input, Modal, Select } from 'antd';
import { stageChange, type Project } from '@ducha/contract';
import { useChangeStage } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { todayInShanghai } from '../../components/format.ts';
import { useApiError } from '../../components/useApiError.ts';
import { zodForm } from '../../components/zodForm.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { useStageOptions } from '../../components/pickers.tsx';

export function StageChangeModal({ p, onClose }: { p: Project; onClose: () => void }) {
  const t = useT();
  const L = useLabels();
  const [form] = Form.useForm();
  const change = useChangeStage();
  const onError = useApiError();
  const zf = zodForm(stageChange, t('form.required'));
  const options = useStageOptions().filter((o) => o.value !== p.stage);

  const submit = async () => {
    const body = zf.parse(form, { ...form.getFieldsValue(), version: p.version });
    if (!body) return;
    try {
      await change.mutateAsync({ id: p.id, ...body });
      onClose();
    } catch (e) {
      onError(e, form, onClose);
    }
  };

  return (
    <Modal
      open
      title={t('project.changeStage')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('project.stageHelp', { stage: L.stage(p.stage) })}
      />
      <Form form={form} layout="vertical" initialValues={{ date: todayInShanghai() }}>
        <Form.Item name="stage" label={t('project.newStage')} {...zf.item('stage')}>
          <Select options={options} />
        </Form.Item>
        <Form.Item name="date" label={t('project.stageDate')} {...zf.item('date')}>
          <DateInput />
        </Form.Item>
        <Form.Item name="reason" label={t('field.reason')} {...zf.item('reason')}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
