// The bell in the header: unread count (live), opens the notification centre.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useNotifications } from './queries.ts';

export function NotificationBell() {
  const navigate = useNavigate();
  const { data } = useNotifications({ page: 1, pageSize: 1 }, true, true);
  const unread = data?.unread ?? 0;
  return (
    <Badge count={unread} overflowCount={99} offset={[-6, 6]}>
      <Button
        type="text"
        aria-label={unread ? `通知中心，${unread} 条未读` : '通知中心，没有未读通知'}
        icon={<BellOutlined style={{ fontSize: 22, color: '#fff' }} />}
        style={{ width: 48, height: 48 }}
        onClick={() => navigate('/notifications')}
        data-testid="notification-bell"
      />
    </Badge>
  );
}
