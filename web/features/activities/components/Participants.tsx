// 参加委员: who is invited or registered, who checked in (by QR or marked by staff), and inviting more.
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Space, Tag } from 'antd';
import { useState } from 'react';
import { api, qs } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import { ErrorAlert, ExportButton, pagedProps, ResponsiveList, useListParams } from '../../../components/index.ts';
import { InviteDialog } from '../../meetings/components/InviteDialog.tsx';
import { MemberSearch, memberColumns, UndoCheckin } from '../../meetings/components/SheetParts.tsx';
import type { Detail, Participant } from '../api.ts';
import { useParticipants } from '../queries.ts';

export function Participants({ activity, onChange }: { activity: Detail; onChange: () => void }) {
  const [p, setP] = useListParams({ q: '' }, 50);
  const { data, isFetching, error, refetch } = useParticipants(activity.id, p);
  const [inviting, setInviting] = useState(false);
  const act = useMutation({
    mutationFn: ({ url, body }: { url: string; body: unknown }) => api.post(url, body),
    onSuccess: () => {
      setInviting(false);
      refetch();
      onChange();
    },
  });
  return (
    <Card
      title="参加人员"
      style={{ marginBottom: 16 }}
      extra={
        <Space wrap>
          {activity.status !== 'cancelled' && <Button onClick={() => setInviting(true)}>邀请委员</Button>}
          <ExportButton url={`/api/activities/${activity.id}/participants/export${qs({ q: p.q })}`} />
        </Space>
      }
    >
      <MemberSearch value={p.q} onSearch={(q) => setP({ q })} style={{ marginBottom: 12 }} />
      <ErrorAlert error={error ?? act.error} />
      <ResponsiveList<Participant>
        rowKey="memberId"
        {...pagedProps({ data, isFetching }, p, setP)}
        columns={[
          ...memberColumns<Participant>(),
          { title: '方式', dataIndex: 'source', render: (s) => (s === 'invited' ? '邀请' : '报名') },
          { title: '签到', dataIndex: 'checkedInAt', render: (v) => (v ? formatDateTime(v) : <Tag>未签到</Tag>) },
          { title: '成果', dataIndex: 'outputs' },
          {
            title: '操作',
            render: (_, r) =>
              activity.status === 'cancelled' ? null : r.checkedInAt ? (
                <UndoCheckin
                  confirm={`撤销 ${r.name} 的签到？`}
                  detail="撤销后该委员本次活动的履职记录作废。"
                  onConfirm={() =>
                    act.mutateAsync({
                      url: `/api/activities/${activity.id}/attendance/${r.memberId}`,
                      body: { present: false },
                    })
                  }
                />
              ) : (
                <Button
                  size="small"
                  onClick={() =>
                    act.mutate({
                      url: `/api/activities/${activity.id}/attendance/${r.memberId}`,
                      body: { present: true },
                    })
                  }
                >
                  标记签到
                </Button>
              ),
          },
        ]}
      />
      <InviteDialog
        title="邀请委员"
        okText="邀请并通知"
        open={inviting}
        onClose={() => setInviting(false)}
        onInvite={(rule) => act.mutate({ url: `/api/activities/${activity.id}/invite`, body: rule })}
        pending={act.isPending}
      />
    </Card>
  );
}
