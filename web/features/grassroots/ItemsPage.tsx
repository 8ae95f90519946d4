// 议定事项: a unit's items to feed back on (with the deadline, overdue flagged), or every item for staff.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Input, List, Select, Typography } from 'antd';
import { api, qs } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert, FilterBar, PageHeader, useListParams, useTextDraft } from '../../components/index.ts';
import { ItemLine } from './SessionPage.tsx';
import type { Item } from './types.ts';

function Feedback({ id, onDone }: { id: number; onDone: () => void }) {
  const { message } = App.useApp();
  const [text, setText, clearText] = useTextDraft(`grassroots-feedback:${id}`);
  const send = useMutation({
    mutationFn: () => api.post(`/api/grassroots/items/${id}/feedback`, { feedback: text }),
    onSuccess: () => {
      message.success('已反馈');
      clearText();
      onDone();
    },
  });
  return (
    <Flex vertical gap={8} style={{ width: '100%', marginTop: 8 }}>
      <Input.TextArea
        aria-label="办理情况"
        placeholder="办理情况"
        value={text}
        onChange={(e) => setText(e.target.value)}
        count={{ show: true, max: 4000 }}
      />
      <ErrorAlert error={send.error} />
      <Button type="primary" disabled={!text.trim()} loading={send.isPending} onClick={() => send.mutate()}>
        提交反馈
      </Button>
    </Flex>
  );
}

export function ItemsPage() {
  const { can } = useSession();
  const qc = useQueryClient();
  const [params, setParams] = useListParams({ state: '' });
  const items = useQuery({
    queryKey: ['grassroots', 'items', params.state],
    queryFn: () => api.get<Item[]>(`/api/grassroots/items${qs({ state: params.state || undefined })}`),
  });
  const unit = can('grassroots.feedback');
  return (
    <>
      <PageHeader title="议定事项" description="协商议事室议定的事项、承办单位、反馈期限和办理情况。" />
      <FilterBar active={params.state ? 1 : 0}>
        <Select
          aria-label="状态"
          value={params.state}
          onChange={(state) => setParams({ state })}
          style={{ width: 140 }}
          options={[
            { value: '', label: '全部' },
            { value: 'assigned', label: '办理中' },
            { value: 'fedBack', label: '已反馈' },
            { value: 'resolved', label: '已办结' },
          ]}
        />
      </FilterBar>
      <ErrorAlert error={items.error} />
      <List
        dataSource={items.data ?? []}
        loading={items.isLoading}
        locale={{ emptyText: <Typography.Text>暂无议定事项</Typography.Text> }}
        renderItem={(i) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <ItemLine i={i} />
              <div>
                {i.roomName} · {i.sessionTitle}
              </div>
              {unit && i.state === 'assigned' && (
                <Feedback id={i.id} onDone={() => qc.invalidateQueries({ queryKey: ['grassroots'] })} />
              )}
            </div>
          </List.Item>
        )}
      />
    </>
  );
}
