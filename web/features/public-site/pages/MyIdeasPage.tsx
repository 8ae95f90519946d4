// 我的提案线索: the public's ideas handed to the signed-in member; the member turns one into a proposal draft — the text
// is left as the draft of 撰写提案, no retyping.
import { Button, Card, List, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useSession } from '../../../app/session.tsx';
import { draftKey, ErrorAlert, PageHeader } from '../../../components/index.ts';
import type { Idea } from '../api.ts';
import { useMyIdeas } from '../queries.ts';

export function MyIdeasPage() {
  const { me } = useSession();
  const navigate = useNavigate();
  const list = useMyIdeas();
  /** Leaves the idea as the draft of a new proposal (offered by that form's 恢复这些内容) and opens the form. */
  const turnInto = (i: Idea) => {
    const key = draftKey(me, 'proposal:new');
    const values = { title: `关于${i.title.slice(0, 30)}的建议`, background: `群众反映：${i.body}` };
    if (key) localStorage.setItem(key, JSON.stringify({ values, savedAt: new Date().toISOString() }));
    navigate('/proposals/new');
  };
  return (
    <>
      <PageHeader title="我的提案线索" description="政协办公室转来的群众提案线索。" />
      <ErrorAlert error={list.error} />
      <Card>
        <List
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Typography.Text>暂无转来的提案线索</Typography.Text> }}
          renderItem={(i) => (
            <List.Item>
              <div style={{ minWidth: 0, width: '100%' }}>
                <Typography.Text strong>{i.title}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                  {i.body}
                </Typography.Paragraph>
                {i.note && <Typography.Paragraph type="secondary">交办说明：{i.note}</Typography.Paragraph>}
                <Button type="primary" onClick={() => turnInto(i)}>
                  写成提案
                </Button>
              </div>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
