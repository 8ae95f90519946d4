// A commitment in a list: its text and state, the progress towards its goal and the member's report.
import { Flex, List, Tag } from 'antd';
import { type Commitment, STATUS_COLOR } from '../api.ts';
import { CommitmentProgress } from './CommitmentProgress.tsx';

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
