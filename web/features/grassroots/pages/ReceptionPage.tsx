// 今日值班 (委员会客室, phone first): the studios where the member is on duty, the public's questions waiting for them
// (moved ones flagged, first), an answer box per question (kept as a draft while typing) with the choice to show it on
// the studio's public page, and the answers already given.
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, List, Tag, Typography } from 'antd';
import { api } from '../../../api/client.ts';
import { ErrorAlert, PageHeader } from '../../../components/index.ts';
import type { MyReception as Mine } from '../api.ts';
import { AnswerBox } from '../components/AnswerBox.tsx';
import { grassrootsKeys } from '../queries.ts';

export function ReceptionPage() {
  const mine = useQuery({
    queryKey: grassrootsKeys.myReception,
    queryFn: () => api.get<Mine>('/api/grassroots/reception/mine'),
  });
  const m = mine.data;
  return (
    <>
      <PageHeader
        title="今日值班"
        description="委员会客室：值班当天在线答复群众的提问；当天未答复的问题会转给下一位值班委员。"
      />
      <ErrorAlert error={mine.error} />
      {m && (
        <>
          <Typography.Paragraph>
            {m.onDutyToday.length
              ? `今天（${m.today}）您在${m.onDutyToday.join('、')}值班。`
              : `今天（${m.today}）您没有值班安排。`}
            {m.upcoming.filter((d) => d.date !== m.today).length > 0 &&
              ` 之后的值班：${m.upcoming
                .filter((d) => d.date !== m.today)
                .map((d) => `${d.date} ${d.studioName}`)
                .join('；')}`}
          </Typography.Paragraph>
          <Card title={`待答复的问题（${m.open.length}）`}>
            <List
              dataSource={m.open}
              locale={{ emptyText: <Typography.Text>暂无待答复的问题</Typography.Text> }}
              renderItem={(q) => (
                <List.Item>
                  <Flex vertical gap={8} style={{ width: '100%', minWidth: 0 }}>
                    <Flex wrap gap={8} align="center">
                      <Typography.Text type="secondary">
                        {q.studioName} · {q.dutyOn}
                      </Typography.Text>
                      {q.flagged && <Tag color="red">前一位值班委员未答复，已转来</Tag>}
                    </Flex>
                    <Typography.Paragraph strong style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                      {q.question}
                    </Typography.Paragraph>
                    <AnswerBox q={q} />
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
          <Card title="我已答复" style={{ marginTop: 16 }}>
            <List
              dataSource={m.answered}
              locale={{ emptyText: <Typography.Text>暂无</Typography.Text> }}
              renderItem={(q) => (
                <List.Item>
                  <div style={{ minWidth: 0 }}>
                    <Typography.Text strong>问：{q.question}</Typography.Text>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                      答：{q.answer}
                    </Typography.Paragraph>
                    <Typography.Text type="secondary">{q.showPublic ? '已公开' : '未公开'}</Typography.Text>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </>
      )}
    </>
  );
}
