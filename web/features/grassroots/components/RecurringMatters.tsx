// The month's recurring matters (same area and subject, several cases), with the button to take one up.
import { useQuery } from '@tanstack/react-query';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, qs } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/index.ts';
import type { RecurringMatter } from '../api.ts';
import { grassrootsKeys } from '../queries.ts';
import { HotlineCaseLine } from './HotlineCaseLine.tsx';
import { TakeUpDialog } from './TakeUpDialog.tsx';

export function RecurringMatters({ month, canTakeUp }: { month: string; canTakeUp: boolean }) {
  const [taking, setTaking] = useState<RecurringMatter | null>(null);
  const matters = useQuery({
    queryKey: grassrootsKeys.hotlineMatters(month),
    queryFn: () =>
      api.get<{ cases: number; matters: RecurringMatter[] }>(`/api/grassroots/hotline/matters${qs({ month })}`),
  });
  return (
    <>
      <ErrorAlert error={matters.error} />
      {matters.data && (
        <Typography.Paragraph>
          {month.replace('-', ' 年 ')} 月共 {matters.data.cases} 件工单，反复出现的诉求 {matters.data.matters.length}{' '}
          项。
        </Typography.Paragraph>
      )}
      <List
        loading={matters.isLoading}
        dataSource={matters.data?.matters ?? []}
        locale={{ emptyText: <Typography.Text>本月没有反复出现的诉求</Typography.Text> }}
        renderItem={(m) => (
          <List.Item>
            <Card
              style={{ width: '100%' }}
              title={
                <Typography.Title level={2} style={{ fontSize: '1.1em', margin: 0, whiteSpace: 'normal' }}>
                  {m.area}：{m.subject}
                </Typography.Title>
              }
            >
              <Space wrap style={{ marginBottom: 8 }}>
                <Tag color="red">{m.count} 件</Tag>
                {m.category && <Tag>{m.category}</Tag>}
                {m.takenUp > 0 && <Tag color="blue">已立题 {m.takenUp} 件</Tag>}
                {canTakeUp && m.takenUp < m.count && (
                  <Button type="primary" onClick={() => setTaking(m)}>
                    立为议题
                  </Button>
                )}
              </Space>
              <List
                size="small"
                dataSource={m.cases}
                renderItem={(c) => (
                  <List.Item>
                    <HotlineCaseLine c={c} />
                  </List.Item>
                )}
              />
            </Card>
          </List.Item>
        )}
      />
      <TakeUpDialog matter={taking} onClose={() => setTaking(null)} />
    </>
  );
}
