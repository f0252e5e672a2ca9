// The drawer every create/edit form sits in: title, the form, and 取消 / 保存 in the footer.
import type { ReactNode } from 'react';
import { Button, Drawer, Space } from 'antd';
import { useT } from '../app/i18n.tsx';

/**
 * A form drawer. `onSave` usually submits the form (validation runs there); `saving` shows the
 * spinner on 保存; `testId` puts `data-testid` on the save button for browser tests.
 */
export function FormDrawer(props: {
  title: ReactNode;
  size?: number;
  onClose: () => void;
  onSave: () => void;
  saving?: boolean;
  testId?: string;
  saveLabel?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Drawer
      open
      size={props.size ?? 520}
      title={props.title}
      onClose={props.onClose}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={props.onClose}>{t('action.cancel')}</Button>
          <Button type="primary" onClick={props.onSave} loading={props.saving} data-testid={props.testId}>
            {props.saveLabel ?? t('action.save')}
          </Button>
        </Space>
      }
    >
      {props.children}
    </Drawer>
  );
}
