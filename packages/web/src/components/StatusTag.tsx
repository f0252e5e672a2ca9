// Small shared display pieces: active/inactive tag and the page card frame.
import type { ReactNode } from 'react';
import { Card, Tag } from 'antd';
import { useT } from '../app/i18n.tsx';

export function ActiveTag({ active }: { active: boolean }) {
  const t = useT();
  return active ? <Tag color="success">{t('status.active')}</Tag> : <Tag>{t('status.inactive')}</Tag>;
}

/** The frame of a list page: title on the left, actions (create button) on the right. */
export function PageCard({
  title,
  extra,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card title={title} extra={extra} variant="borderless">
      {children}
    </Card>
  );
}
