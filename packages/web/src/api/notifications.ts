// Hooks for the in-app inbox: notifications, the unread count (polled), marking read.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { notification } from '@ducha/contract';
import { api, type QueryParams } from './client.ts';
import { useList, useSave } from './resource.ts';

export type Notification = z.infer<typeof notification>;

const R = 'notifications';

export const useNotifications = (params: QueryParams, enabled = true) =>
  useList<Notification>(R, params, enabled);
/** The unread count, polled every minute (and refetched on navigation by the caller). */
export const useUnreadCount = () =>
  useQuery({
    queryKey: [R, 'unread-count'],
    queryFn: () => api.get<{ count: number }>('/api/notifications/unread-count'),
    refetchInterval: 60_000,
    staleTime: 0,
    retry: false,
  });
export const useMarkRead = () =>
  useSave(R, (id: number) => api.post<{ ok: true }>(`/api/notifications/${id}/read`));
export const useMarkAllRead = () =>
  useSave(R, () => api.post<{ count: number }>('/api/notifications/read-all'));

/** Where a notification leads: an item's page for entity 'item', the month's tasks for a 催报. */
export function notificationLink(n: Pick<Notification, 'entity' | 'entityId'>): string | null {
  if (n.entity === 'item') return `/items/${n.entityId}`;
  if (n.entity === 'report_month') return `/reports/inbox?month=${n.entityId}`;
  return null;
}
