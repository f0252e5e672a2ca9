// 调整灯色: the office sets a project's light for a month, only with a written justification (audited).
import { App, Alert, Form, Input, Modal, Radio } from 'antd';
import { lightColors, lightOverride, type Light } from '@ducha/contract';
import { useOverrideLight } from '../../api/reports.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { useApiError } from '../../components/useApiError.ts';
import { zodForm } from '../../components/zodForm.ts';
import { monthOf } from '../../components/period.ts';
import { LightTag } from '../../components/LightTag.tsx';

export function OverrideModal({ light, onClose }: { light: Light; onClose: () => void }) {
  const t = useT();
  const L = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const save = useOverrideLight();
  const onError = useApiError();
  const z = zodForm(lightOverride, t('form.required'));
  const submit = async () => {
    const body = z.parse(form, form.getFieldsValue());
    if (!body) return;
    try {
      await save.mutateAsync({
        projectId: light.projectId,
        month: monthOf(light.year, light.month),
        ...body,
      });
      message.success(t('light.overridden'));
      onClose();
    } catch (e) {
      onError(e, form);
    }
  };
  return (
    <Modal
      open
      title={t('light.adjustTitle', { name: light.projectName })}
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'light-override-ok' }}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('light.adjustHelp', { color: L.light(light.computed) })}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ color: light.override?.color, justification: light.override?.justification }}
      >
        <Form.Item name="color" label={t('light.newColor')} {...z.item('color')}>
          <Radio.Group>
            {lightColors.map((c) => (
              <Radio key={c} value={c}>
                <LightTag color={c} />
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="justification" label={t('light.justification')} {...z.item('justification')}>
          <Input.TextArea rows={4} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
