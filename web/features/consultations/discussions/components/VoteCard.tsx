// The participant's vote card — one statement at a time with three large vote buttons — for both a signed-in
// participant (/api/discussions/:id) and an invited citizen (/api/public/discussions/:token): the same routes below
// either base.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { api } from '../../../../api/client.ts';
import { ErrorAlert, errorMessage } from '../../../../components/index.ts';
import { TAG } from '../../../../components/tagColors.ts';
import type { Statement } from '../api.ts';
import { discussionKeys } from '../queries.ts';

const BIG = { height: 56, fontSize: 18, flex: 1 };
export interface CardProps {
  /** The discussion's API address: `/api/discussions/<id>` or `/api/public/discussions/<token>`. */
  base: string;
  takePart: boolean;
  /** After a vote or a new statement (the page re-reads what else it shows). */
  onChanged?: () => void;
}

export function VoteCard({ base, takePart, onChanged }: CardProps) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const key = discussionKeys.next(base);
  const next = useQuery({
    queryKey: key,
    queryFn: () => api.get<{ statement: Statement | null; remaining: number; voted: number }>(`${base}/next`),
  });
  const vote = useMutation({
    mutationFn: (v: string) => api.put(`${base}/statements/${next.data!.statement!.id}/vote`, { vote: v }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: key });
      onChanged?.();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  if (next.error) return <ErrorAlert error={next.error} />;
  if (!next.data) return <Skeleton active />;
  const s = next.data.statement;
  if (!s)
    return (
      <Card>
        <Typography.Paragraph style={{ fontSize: 18 }}>
          您已对全部观点表态（共 {next.data.voted} 条），谢谢参与！可以写下自己的观点，或查看意见地图。
        </Typography.Paragraph>
      </Card>
    );
  return (
    <Card title={`还有 ${next.data.remaining} 条观点待表态`}>
      <Typography.Paragraph style={{ fontSize: 20, minHeight: 80 }} data-testid="statement">
        {s.pinned && <Tag color={TAG.gold}>置顶</Tag>}
        {s.body}
      </Typography.Paragraph>
      {takePart ? (
        // Disabled, not `loading`, while a vote is sent: the three buttons are pressed many times in a row, and antd's
        // loading icon can stay in the DOM after its leave motion, so a screen reader then reads 「loading 赞同」.
        <Flex gap={8}>
          <Button type="primary" style={BIG} disabled={vote.isPending} onClick={() => vote.mutate('agree')}>
            赞同
          </Button>
          <Button danger style={BIG} disabled={vote.isPending} onClick={() => vote.mutate('disagree')}>
            反对
          </Button>
          <Button style={BIG} disabled={vote.isPending} onClick={() => vote.mutate('pass')}>
            跳过
          </Button>
        </Flex>
      ) : (
        <Typography.Text type="secondary">当前不在参与时间内，或您不在参与范围内。</Typography.Text>
      )}
    </Card>
  );
}
