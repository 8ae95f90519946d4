// 公开: whether the proposal and its replies are published.
import { Card, Flex, Switch } from 'antd';
import { api } from '../../../api/client.ts';
import type { Detail } from '../api.ts';

export function PublicCard({ d, onDone }: { d: Detail; onDone: () => void }) {
  return (
    <Card title="公开" style={{ marginBottom: 16 }}>
      <Flex align="center" gap={12}>
        <Switch
          checked={d.isPublic}
          aria-label="提案及答复公开"
          onChange={async (v) => {
            await api.put(`/api/proposals/${d.id}/public`, { isPublic: v, repliesPublic: v });
            onDone();
          }}
        />
        <span>提案及答复{d.isPublic ? '已公开' : '不公开'}</span>
      </Flex>
    </Card>
  );
}
