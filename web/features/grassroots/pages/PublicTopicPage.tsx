// A resident's own topic (public, the address given after raising it): the answer and the units' feedback.
import { Alert, List, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PublicFrame } from '../../../components/PublicFrame.tsx';
import { usePublicPage } from '../queries.ts';

export function PublicTopicPage() {
  const { query: t } = usePublicPage<{
    title: string;
    roomName: string;
    stateLabel: string;
    declineReason: string | null;
    items: { content: string; unitName: string; stateLabel: string; feedback: string | null; dueOn: string }[];
  }>('topic');
  const d = t.data;
  return (
    <PublicFrame title={d?.title ?? '我的议题'}>
      <ErrorAlert error={t.error} />
      {d && (
        <>
          <Alert
            type="info"
            showIcon
            title={`${d.roomName}：${d.stateLabel}`}
            description={d.declineReason && `理由：${d.declineReason}`}
          />
          <List
            style={{ marginTop: 16 }}
            dataSource={d.items}
            locale={{ emptyText: <Typography.Text>协商后，议定事项和办理情况会显示在这里</Typography.Text> }}
            renderItem={(i) => (
              <List.Item>
                <div>
                  <Typography.Text strong>{i.content}</Typography.Text>
                  <div>
                    {i.unitName} · {i.stateLabel}（{i.dueOn} 前反馈）
                  </div>
                  {i.feedback && <div>办理情况：{i.feedback}</div>}
                </div>
              </List.Item>
            )}
          />
        </>
      )}
    </PublicFrame>
  );
}
