// 会议: the list (members see the meetings they are invited to, as cards on a phone), with filters; staff create one.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Grid, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, qs } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import { useSession } from '../../../app/session.tsx';
import { DataTable, ErrorAlert, pagedProps, useListParams } from '../../../components/index.ts';
import type { EventBase } from '../api.ts';
import { EventFilters, EventListHeader } from '../components/EventFilters.tsx';
import { eventColumns } from '../components/eventColumns.tsx';
import { meetingKeys } from '../queries.ts';
import { MEETING_KINDS, MEETING_STATUS, meetingState } from '../shared.tsx';

export interface MeetingItem extends EventBase {
  status: string;
  invited: number;
  checkedIn: number;
  leavePending: number;
  myReply: string | null;
  myLeaveStatus: string | null;
  myCheckedInAt: string | null;
}

export function myState(m: Pick<MeetingItem, 'myCheckedInAt' | 'myLeaveStatus' | 'myReply'>) {
  if (m.myCheckedInAt) return <Tag color="#237804">已签到</Tag>;
  if (m.myLeaveStatus === 'approved') return <Tag color="#0958d9">已准假</Tag>;
  if (m.myLeaveStatus === 'pending') return <Tag color="#ad4e00">请假待审批</Tag>;
  if (m.myLeaveStatus === 'refused') return <Tag color="#cf1322">请假未批准</Tag>;
  if (m.myReply === 'attend') return <Tag color="#237804">已确认参会</Tag>;
  return <Tag>待回复</Tag>;
}

export function MeetingsPage() {
  const { can } = useSession();
  const manage = can('meeting.manage');
  const screens = Grid.useBreakpoint();
  const [p, setP] = useListParams({ q: '', kind: '', status: '' });
  const { data, error, isFetching } = useQuery({
    queryKey: meetingKeys.list(p),
    queryFn: () => api.get<{ items: MeetingItem[]; total: number }>(`/api/meetings${qs(p)}`),
    placeholderData: keepPreviousData,
  });
  const cards = !screens.md;
  return (
    <>
      <EventListHeader
        title="会议"
        noun="会议"
        newPath="/meetings/new"
        manage={manage}
        description={
          manage
            ? '新建会议、邀请委员、审批请假、签到和考勤。'
            : '您受邀参加的会议。请及时回复是否参会，不能参加请请假。'
        }
      />
      <EventFilters
        noun="会议"
        params={p}
        setParams={setP}
        kinds={MEETING_KINDS}
        states={MEETING_STATUS}
        kindWidth={160}
        stateWidth={140}
      />
      <ErrorAlert error={error} />
      {cards ? (
        <Flex vertical gap={12}>
          {(data?.items ?? []).map((m) => (
            <Link key={m.id} to={`/meetings/${m.id}`} style={{ color: 'inherit' }}>
              <Card size="small" hoverable>
                <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                  {m.title}
                </Typography.Title>
                <div style={{ margin: '6px 0' }}>
                  <Tag>{m.kindLabel}</Tag>
                  <Tag color={meetingState(m).color}>{meetingState(m).label}</Tag>
                  {!manage && myState(m)}
                </div>
                <div>{formatDateTime(m.startsAt)}</div>
                <div>{m.place}</div>
              </Card>
            </Link>
          ))}
          {!isFetching && !data?.items.length && <Typography.Paragraph>暂无会议</Typography.Paragraph>}
          {data && data.total > p.pageSize && (
            <Button onClick={() => setP({ pageSize: p.pageSize + 20 } as any)}>加载更多</Button>
          )}
        </Flex>
      ) : (
        <DataTable
          {...pagedProps({ data, isFetching }, p, setP)}
          columns={eventColumns<MeetingItem>({
            noun: '会议',
            path: '/meetings',
            manage,
            state: meetingState,
            count: {
              title: '签到 / 应到',
              of: (m) => m.invited,
              waiting: (m) => m.leavePending,
              waitingLabel: '人请假待批',
            },
            mine: myState,
          })}
        />
      )}
    </>
  );
}
