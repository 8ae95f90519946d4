// Query keys and hooks of the notifications: list and unread count from /api/notifications, kept fresh by the server's
// event stream (each 'notification' event refetches). Every key starts with 'notifications'.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, qs } from '../../api/client.ts';
import { homeKeys } from '../home/queries.ts';
import type { NotificationPage } from './api.ts';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (params: object) => ['notifications', params] as const,
};

/** background: the bell and the home page's count — a failure there must not replace the page (PageBoundary). */
export function useNotifications(
  params: { page: number; pageSize: number; unreadOnly?: boolean },
  enabled = true,
  background = false,
) {
  return useQuery({
    queryKey: notificationKeys.list(params),
    meta: { background },
    queryFn: () =>
      api.get<NotificationPage>(`/api/notifications${qs({ ...params, unreadOnly: params.unreadOnly || '' })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Marks the given notifications (or, without ids, all of them) as read. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: number[]) => api.post('/api/notifications/read', ids ? { ids } : {}),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** Listens to /api/notifications/stream while mounted and refetches notifications on each push. */
export function useNotificationStream(enabled: boolean) {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/notifications/stream');
    // The server pushes after the notification's transaction has committed, so a refetch finds it.
    const refetch = () => {
      void client.invalidateQueries({ queryKey: notificationKeys.all });
      // The home page's 待办 too: a new notice usually means new work.
      void client.invalidateQueries({ queryKey: homeKeys.todos });
    };
    source.addEventListener('notification', refetch);
    // After a dropped connection the browser reconnects by itself; refetch then so nothing pushed meanwhile is missed.
    source.addEventListener('open', refetch);
    return () => source.close();
  }, [enabled, client]);
}
