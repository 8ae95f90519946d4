// The signed-in user's notifications as /api/notifications sends them, and their kinds in Chinese.

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
