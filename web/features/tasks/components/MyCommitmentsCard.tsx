// A member's commitments of a year as a card beside the duty self-report: their own (我的述职) or, for staff, one
// member's (述职审阅). Nothing is shown when there are none.
import { useQuery } from '@tanstack/react-query';
import { Card, List } from 'antd';
import { Link } from 'react-router';
import { api } from '../../../api/client.ts';
import type { Commitment } from '../api.ts';
import { commitmentKeys } from '../queries.ts';
import { CommitmentMeta } from './CommitmentMeta.tsx';

export function MyCommitmentsCard({ year, memberId }: { year: number; memberId?: number }) {
  const { data } = useQuery({
    queryKey: commitmentKeys.card(year, memberId),
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
