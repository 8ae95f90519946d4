// A commitment's progress from the member's duty facts (提交提案 2/3), with 已达成 once the target is met.
import { Flex, Progress, Tag, Typography } from 'antd';
import type { Commitment } from '../api.ts';

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
