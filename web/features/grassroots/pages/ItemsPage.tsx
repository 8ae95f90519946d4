// 议定事项: a unit's items to feed back on (with the deadline, overdue flagged), or every item for staff.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { List, Typography } from 'antd';
import { api, qs } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import { ErrorAlert, FilterBar, PageHeader, ParamSelect, useListParams } from '../../../components/index.ts';
import type { Item } from '../api.ts';
import { ItemFeedback } from '../components/ItemFeedback.tsx';
import { ItemLine } from '../components/ItemLine.tsx';
import { grassrootsKeys } from '../queries.ts';

const STATE_CHOICES = { '': '全部', assigned: '办理中', fedBack: '已反馈', resolved: '已办结' };

export function ItemsPage() {
  const { can } = useSession();
  const qc = useQueryClient();
  const [params, setParams] = useListParams({ state: '' });
  const items = useQuery({
    queryKey: grassrootsKeys.items(params.state),
    queryFn: () => api.get<Item[]>(`/api/grassroots/items${qs({ state: params.state || undefined })}`),
  });
  const unit = can('grassroots.feedback');
  return (
    <>
      <PageHeader title="议定事项" description="协商议事室议定的事项、承办单位、反馈期限和办理情况。" />
      <FilterBar active={params.state ? 1 : 0}>
        <ParamSelect
          label="状态"
          width={140}
          name="state"
          params={params}
          setParams={setParams}
          labels={STATE_CHOICES}
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
                <ItemFeedback id={i.id} onDone={() => qc.invalidateQueries({ queryKey: grassrootsKeys.all })} />
              )}
            </div>
          </List.Item>
        )}
      />
    </>
  );
}
