// The residents' questions to a studio and the duty members' answers.
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import { ErrorAlert, ResponsiveList } from '../../../components/index.ts';
import { TAG } from '../../../components/tagColors.ts';
import type { Question as StudioQuestion } from '../api.ts';
import { grassrootsKeys } from '../queries.ts';

export function QuestionsPanel({ studioId }: { studioId: number }) {
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const list = useQuery({
    queryKey: grassrootsKeys.studioQuestions(studioId),
    queryFn: () =>
      api.get<{ items: StudioQuestion[]; total: number }>(`/api/grassroots/studios/${studioId}/reception-questions`),
  });
  // The API returns the studio's latest 200 at once; the pages are cut here.
  const data = list.data && {
    items: list.data.items.slice((page.page - 1) * page.pageSize, page.page * page.pageSize),
    total: list.data.items.length,
  };
  return (
    <Card title="群众提问" style={{ marginBottom: 16 }}>
      <ErrorAlert error={list.error} />
      <ResponsiveList<StudioQuestion>
        data={data}
        loading={list.isLoading}
        page={page.page}
        pageSize={page.pageSize}
        onPageChange={(p, pageSize) => setPage({ page: p, pageSize })}
        titleColumn="question"
        columns={[
          {
            title: '问题',
            dataIndex: 'question',
            render: (v: string) => <span style={{ wordBreak: 'break-word', whiteSpace: 'pre-wrap' }}>{v}</span>,
          },
          { title: '值班日期', dataIndex: 'dutyOn' },
          { title: '值班委员', dataIndex: 'memberName', render: (v: string | null) => v ?? '暂无人值班' },
          {
            title: '状态',
            key: 'state',
            render: (_: unknown, r: StudioQuestion) => (
              <Flex wrap gap={4}>
                {r.answeredAt ? (
                  <Tag color={TAG.green}>已答复 {formatDateTime(r.answeredAt)}</Tag>
                ) : (
                  <Tag color={TAG.orange}>待答复</Tag>
                )}
                {r.flagged && <Tag color={TAG.red}>{r.moved > 0 ? `已转交 ${r.moved} 次` : '逾期未答'}</Tag>}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}
