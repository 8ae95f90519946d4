// A commitment's progress from the member's duty facts (提交提案 2/3) and the member's commitments of a year as a card,
// shown on 我的承诺 and beside the duty self-report (我的述职).
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, List, Progress, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';

export interface Commitment {
  id: number;
  memberName: string;
  sectorName: string | null;
  text: string;
  status: string;
  kept: boolean | null;
  report: string | null;
  factKind: string | null;
  factKindLabel: string | null;
  target: number | null;
  progress: number | null;
  met: boolean | null;
  suggestedKept: boolean | null;
  suggestedReport: string | null;
}

export const STATUS_COLOR: Record<string, string> = { 已践诺: 'green', 未践诺: 'red', 待践诺: 'blue' };

export function CommitmentProgress({ c }: { c: Commitment }) {
  if (c.progress === null || c.target === null) return null;
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text>
        {c.factKindLabel} {c.progress}/{c.target}
      </Typography.Text>
      <Progress
        percent={Math.min(100, Math.round((c.progress / c.target) * 100))}
        size="small"
        status={c.met ? 'success' : 'active'}
        showInfo={false}
        style={{ width: 120, margin: 0 }}
        aria-label={`完成进度 ${c.progress}/${c.target}`}
      />
      {c.met && <Tag color="#237804">已达成</Tag>}
    </Flex>
  );
}

/** A member's commitments of a year beside the self-report: their own (我的述职) or, for staff, one member's. */
/** A commitment in a list: its text and state, the progress towards its goal and the member's report. */
export function CommitmentMeta({ c }: { c: Commitment }) {
  return (
    <List.Item.Meta
      title={
        <Flex gap={8} wrap>
          {c.text}
          <Tag color={STATUS_COLOR[c.status]}>{c.status}</Tag>
        </Flex>
      }
      description={
        <>
          <CommitmentProgress c={c} />
          {c.report}
        </>
      }
    />
  );
}

export function MyCommitmentsCard({ year, memberId }: { year: number; memberId?: number }) {
  const { data } = useQuery({
    queryKey: ['commitments', memberId ? 'member' : 'mine', year, memberId],
    meta: { background: true },
    queryFn: () =>
      api.get<{ items: Commitment[] }>(
        memberId ? `/api/commitments?year=${year}&memberId=${memberId}` : `/api/commitments/mine?year=${year}`,
      ),
  });
  if (!data?.items.length) return null;
  return (
    <Card
      title={`${year} 年度承诺践诺`}
      extra={memberId ? null : <Link to="/commitments/mine">我的承诺</Link>}
      style={{ marginTop: 16 }}
    >
      <List
        dataSource={data.items}
        renderItem={(c) => (
          <List.Item>
            <CommitmentMeta c={c} />
          </List.Item>
        )}
      />
    </Card>
  );
}
