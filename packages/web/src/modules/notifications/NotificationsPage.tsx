// 消息通知: the user's notifications, newest first, with an unread filter and 全部标为已读.
import { App, Button, Space, Switch, Table, Tag } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import {
  notificationLink,
  useMarkAllRead,
  useMarkRead,
  useNotifications,
  type Notification,
} from '../../api/notifications.ts';
import { useT } from '../../app/i18n.tsx';
import type { MsgKey } from '../../app/messages/zh.ts';
import { PageCard } from '../../components/StatusTag.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useTableState } from '../../components/useTableState.ts';
import { NotificationLine, useOpenNotification } from './NotificationBell.tsx';

export default function NotificationsPage() {
  const t = useT();
  const { message } = App.useApp();
  const onError = useApiError();
  const table = useTableState<{ unread?: boolean }>({});
  const query = useNotifications(table.params);
  const markAll = useMarkAllRead();
  const markRead = useMarkRead();
  const openOne = useOpenNotification();

  const onMarkAll = () =>
    markAll.mutateAsync().then((r) => message.success(t('notif.markedAll', { n: r.count })), onError);

  return (
    <PageCard
      title={t('notif.title')}
      extra={
        <Button
          icon={<CheckOutlined />}
          onClick={onMarkAll}
          loading={markAll.isPending}
          data-testid="notif-read-all"
        >
          {t('notif.markAll')}
        </Button>
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <Switch
          size="small"
          checked={!!table.state.filters.unread}
          onChange={(v) => table.setFilter({ unread: v || undefined })}
          data-testid="notif-unread"
        />
        {t('notif.unreadOnly')}
      </Space>
      <Table<Notification>
        rowKey="id"
        size="middle"
        loading={query.isFetching}
        dataSource={query.data?.items}
        pagination={table.pagination(query.data)}
        locale={{ emptyText: t('notif.empty') }}
        data-testid="notif-table"
        columns={[
          {
            title: t('field.type'),
            dataIndex: 'kind',
            width: 110,
            render: (k: string) => <Tag color="blue">{t(`notif.kind.${k}` as MsgKey)}</Tag>,
          },
          {
            title: t('notif.title'),
            key: 'text',
            render: (_: unknown, n) =>
              notificationLink(n) ? (
                <a onClick={() => openOne(n)}>
                  <NotificationLine n={n} />
                </a>
              ) : (
                <NotificationLine n={n} />
              ),
          },
          {
            title: t('field.status'),
            key: 'read',
            width: 120,
            render: (_: unknown, n) =>
              n.readAt ? (
                <Tag>{t('notif.read')}</Tag>
              ) : (
                <Space size={4}>
                  <Tag color="red">{t('notif.unread')}</Tag>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => markRead.mutateAsync(n.id).catch((e: unknown) => onError(e))}
                  >
                    {t('notif.markRead')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </PageCard>
  );
}
