// 文史资料辑: the volumes with their state and number of articles; editors create a new one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, List, Tag } from 'antd';
import { Link } from 'react-router';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/index.ts';
import { TAG } from '../../../components/tagColors.ts';
import { archiveKeys, useVolumes } from '../queries.ts';

export function VolumesCard({ editor }: { editor: boolean }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { data, error } = useVolumes();
  const create = useMutation({
    mutationFn: (v: { number: number; title: string }) => api.post('/api/archive/volumes', v),
    onSuccess: () => {
      message.success('已新建');
      queryClient.invalidateQueries({ queryKey: archiveKeys.all });
    },
  });
  return (
    <Card title="文史资料辑" style={{ marginBottom: 16 }}>
      <ErrorAlert error={error ?? create.error} />
      <List
        dataSource={data ?? []}
        locale={{ emptyText: '暂无已出版的辑' }}
        renderItem={(v) => (
          <List.Item>
            <Link to={`/archive/volumes/${v.id}`} style={{ fontSize: 17 }}>
              第{v.number}辑 · {v.title}
            </Link>
            <span>
              <Tag color={v.state === 'published' ? TAG.green : 'default'}>{v.stateLabel}</Tag>
              {v.articles} 篇
            </span>
          </List.Item>
        )}
      />
      {editor && (
        <Form name="volume" layout="inline" onFinish={(v) => create.mutate(v)} style={{ marginTop: 12, rowGap: 8 }}>
          <Form.Item name="number" rules={[{ required: true, message: '请填写辑号' }]}>
            <InputNumber aria-label="辑号" placeholder="辑号" min={1} />
          </Form.Item>
          <Form.Item name="title" rules={[{ required: true, message: '请填写书名' }]}>
            <Input aria-label="书名" placeholder="书名" />
          </Form.Item>
          <Button htmlType="submit" loading={create.isPending}>
            新建一辑
          </Button>
        </Form>
      )}
    </Card>
  );
}
