// The signed-in user's notifications: list and unread count from /api/notifications, kept fresh by the server's
// event stream (each 'notification' event refetches).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, qs } from '../../api/client.ts';

export interface NotificationItem {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  read: boolean;
  createdAt: string;
}

export interface NotificationPage {
  items: NotificationItem[];
  total: number;
  unread: number;
}

export const NOTIFICATIONS_KEY = ['notifications'] as const;
/** The home page's 待办, refetched on every push too: a new notice usually means new work. */
export const TODOS_KEY = ['todos'] as const;

/** background: the bell and the home page's count — a failure there must not replace the page (PageBoundary). */
export function useNotifications(
  params: { page: number; pageSize: number; unreadOnly?: boolean },
  enabled = true,
  background = false,
) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, params],
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
    onSuccess: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
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
      void client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
      void client.invalidateQueries({ queryKey: TODOS_KEY });
    };
    source.addEventListener('notification', refetch);
    // After a dropped connection the browser reconnects by itself; refetch then so nothing pushed meanwhile is missed.
    source.addEventListener('open', refetch);
    return () => source.close();
  }, [enabled, client]);
}

/** Kind of notification in Chinese, for the tag in the list. */
export const KIND_LABELS: Record<string, string> = {
  proposal: '提案',
  opinion: '社情民意',
  meeting: '会议',
  activity: '活动',
  duty: '履职',
  consultation: '协商',
  system: '系统',
};
