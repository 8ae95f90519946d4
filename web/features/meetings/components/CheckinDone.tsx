// Checking in by a venue's code: the request (useCheckin) and what the member sees after it (meeting or activity,
// time, 签到成功 or why not).
import { CheckCircleFilled } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Result } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';

export interface CheckinResult {
  target: 'meeting' | 'activity';
  id: number;
  title: string;
  checkedInAt: string;
  already: boolean;
}

export function useCheckin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api.post<CheckinResult>('/api/meetings/checkin', { token }),
    onSuccess: () => qc.invalidateQueries(),
  });
}

export function CheckinDone({ r }: { r: CheckinResult }) {
  return (
    <Result
      icon={<CheckCircleFilled style={{ color: '#237804' }} />}
      status="success"
      title={<span style={{ fontSize: 26 }}>{r.already ? '您已签到' : '签到成功'}</span>}
      subTitle={
        <span style={{ fontSize: 18, color: 'rgba(0,0,0,0.8)' }}>
          {r.title}
          <br />
          签到时间 {formatDateTime(r.checkedInAt)}
        </span>
      }
      extra={
        <Flex vertical gap={12} align="center">
          <Link to="/duty/me">
            <Button type="primary" size="large">
              查看我的履职
            </Button>
          </Link>
          <Link to={r.target === 'meeting' ? `/meetings/${r.id}` : `/activities/${r.id}`}>
            <Button size="large">{r.target === 'meeting' ? '查看会议' : '查看活动'}</Button>
          </Link>
        </Flex>
      }
    />
  );
}
