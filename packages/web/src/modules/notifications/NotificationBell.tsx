// The header's bell: unread count (polled every minute and on navigation), the latest five in a
// dropdown, 查看全部 to the inbox; a click opens the item and marks the notification read.
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Badge, Button, Dropdown, Empty, Space, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import {
  notificationLink,
  useMarkRead,
  useNotifications,
  useUnreadCount,
  type Notification,
} from '../../api/notifications.ts';
import { useT } from '../../app/i18n.tsx';
import { formatDateTime } from '../../components/format.ts';

/** Opens what a notification is about and marks it read. */
export function useOpenNotification() {
  const navigate = useNavigate();
  const markRead = useMarkRead();
  return (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    const to = notificationLink(n);
    if (to) navigate(to);
  };
}

export function NotificationLine({ n }: { n: Notification }) {
  return (
    <div style={{ maxWidth: 360, whiteSpace: 'normal' }}>
      <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
      {n.body && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'pre-line' }}>
            {n.body}
          </Typography.Text>
        </div>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(n.createdAt)}
      </Typography.Text>
    </div>
  );
}

export function NotificationBell() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const count = useUnreadCount();
  const [open, setOpen] = useState(false);
  const latest = useNotifications({ page: 1, pageSize: 5 }, open);
  const openOne = useOpenNotification();
  const { refetch } = count;
  useEffect(() => {
    void refetch();
  }, [location.pathname, refetch]);

  const list = latest.data?.items ?? [];
  const panel = (
    <div className="ant-dropdown-menu" style={{ padding: 8, width: 380 }} data-testid="notification-panel">
      {list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notif.empty')} />
      ) : (
        list.map((n) => (
          <div
            key={n.id}
            role="button"
            tabIndex={0}
            style={{ padding: '6px 8px', cursor: 'pointer', borderRadius: 4 }}
            onClick={() => {
              setOpen(false);
              openOne(n);
            }}
            onKeyDown={(e) => e.key === 'Enter' && openOne(n)}
          >
            <NotificationLine n={n} />
          </div>
        ))
      )}
      <div style={{ textAlign: 'center', borderTop: '1px solid #f0f0f0', paddingTop: 6 }}>
        <Button
          type="link"
          onClick={() => {
            setOpen(false);
            navigate('/notifications');
          }}
          data-testid="notification-all"
        >
          {t('notif.viewAll')}
        </Button>
      </div>
    </div>
  );

  return (
    <Dropdown
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
      }}
      trigger={['click']}
      placement="bottomRight"
      popupRender={() => panel}
    >
      <Space style={{ cursor: 'pointer' }} data-testid="notification-bell" aria-label={t('notif.bell')}>
        <Badge count={count.data?.count ?? 0} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Space>
    </Dropdown>
  );
}
