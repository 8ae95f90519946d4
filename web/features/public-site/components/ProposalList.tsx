// The public proposals with each unit's reply, on the public home page and the full list.
import { List, Typography } from 'antd';
import type { Proposal } from '../api.ts';

export function ProposalList({ items }: { items: Proposal[] }) {
  return (
    <List
      dataSource={items}
      locale={{ emptyText: <Typography.Text>暂无公开的提案</Typography.Text> }}
      renderItem={(p) => (
        <List.Item>
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong>{p.title}</Typography.Text>
            <div>提案人：{p.proposer}</div>
            {p.replies.map((r) => (
              <Typography.Paragraph
                key={r.unitName + r.text.slice(0, 10)}
                style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}
              >
                {r.unitName}答复：{r.text}
              </Typography.Paragraph>
            ))}
          </div>
        </List.Item>
      )}
    />
  );
}
