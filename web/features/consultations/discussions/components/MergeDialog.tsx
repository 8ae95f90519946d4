// Merge a statement into an alike one (suggested by text similarity): its votes move to the one kept.
import { useQuery } from '@tanstack/react-query';
import { Button, List, Modal, Tag, Typography } from 'antd';
import { api } from '../../../../api/client.ts';
import { ErrorAlert } from '../../../../components/index.ts';
import type { Statement } from '../api.ts';
import { discussionKeys, useModerate } from '../queries.ts';

export function MergeDialog({ id, s, onClose }: { id: number; s: Statement; onClose: () => void }) {
  const moderate = useModerate(id, 'statements');
  const { data, error } = useQuery({
    queryKey: discussionKeys.similar(id, s.id),
    queryFn: () =>
      api.get<{ items: { id: number; body: string; similarity: number }[] }>(
        `/api/discussions/${id}/statements/${s.id}/similar`,
      ),
  });
  return (
    <Modal open title="合并重复观点" footer={null} onCancel={onClose}>
      <Typography.Paragraph>「{s.body}」合并到：</Typography.Paragraph>
      <ErrorAlert error={error} />
      <List
        dataSource={data?.items ?? []}
        locale={{ emptyText: '没有找到相似的观点' }}
        renderItem={(x) => (
          <List.Item
            actions={[
              <Button
                key="m"
                onClick={() => moderate.mutate({ target: s.id, action: 'merge', intoId: x.id }, { onSuccess: onClose })}
              >
                合并到此条
              </Button>,
            ]}
          >
            {x.body} <Tag>相似度 {Math.round(x.similarity * 100)}%</Tag>
          </List.Item>
        )}
      />
    </Modal>
  );
}
