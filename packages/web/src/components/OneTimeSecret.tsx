// Modal that shows a secret exactly once (temporary password, API token) with a copy button.
import { Alert, App, Button, Input, Modal, Space, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useT } from '../app/i18n.tsx';

export interface OneTimeSecretProps {
  open: boolean;
  title: string;
  /** What the secret is for, e.g. "用户 zhangsan 的临时密码". */
  description?: string;
  secret: string;
  onClose: () => void;
}

export function OneTimeSecret({ open, title, description, secret, onClose }: OneTimeSecretProps) {
  const t = useT();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      message.success(t('secret.copied'));
    } catch {
      message.warning(t('secret.copyFailed'));
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('secret.saved')}
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Alert type="warning" showIcon title={t('secret.onceWarning')} />
        {description && <Typography.Text>{description}</Typography.Text>}
        <Space.Compact style={{ width: '100%' }}>
          <Input readOnly value={secret} data-testid="one-time-secret" style={{ fontFamily: 'monospace' }} />
          <Button icon={<CopyOutlined />} onClick={copy}>
            {t('secret.copy')}
          </Button>
        </Space.Compact>
      </Space>
    </Modal>
  );
}
