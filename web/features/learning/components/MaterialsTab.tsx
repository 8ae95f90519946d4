// Staff's materials: every state, published or withdrawn by the engine's buttons, and the form for a new one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Tag } from 'antd';
import { api } from '../../../api/client.ts';
import { ErrorAlert, linkColumn, pagedProps, ResponsiveList, useListParams } from '../../../components/index.ts';
import { TAG } from '../../../components/tagColors.ts';
import type { Material } from '../api.ts';
import { learningKeys, useMaterials } from '../queries.ts';
import { NewMaterial } from './NewMaterial.tsx';

export function MaterialsTab() {
  const [params, setParams] = useListParams({});
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const filters = { page: params.page, pageSize: params.pageSize };
  const { data, error, isFetching } = useMaterials(filters, true);
  const refresh = () => queryClient.invalidateQueries({ queryKey: learningKeys.all });
  const fire = useMutation({
    mutationFn: ({ id, action, comment }: { id: number; action: string; comment?: string }) =>
      api.post(`/api/learning/materials/${id}/actions`, { action, comment }),
    onSuccess: () => {
      message.success('已完成');
      refresh();
    },
  });
  return (
    <>
      <NewMaterial onDone={refresh} />
      <ErrorAlert error={error ?? fire.error} />
      <ResponsiveList<Material>
        unit="份"
        locale={{ emptyText: '还没有学习资料，可在上方新增' }}
        {...pagedProps({ data, isFetching }, params, setParams)}
        columns={[
          linkColumn('资料', 'title', (m) => `/learning/materials/${m.id}`),
          { title: '类型', dataIndex: 'kindLabel' },
          {
            title: '状态',
            dataIndex: 'stateLabel',
            render: (s: string, m) => <Tag color={m.state === 'published' ? TAG.green : 'default'}>{s}</Tag>,
          },
          { title: '已学完人数', dataIndex: 'finishedCount' },
          {
            title: '操作',
            key: 'op',
            render: (_: unknown, m) =>
              m.state === 'published' ? (
                <Button onClick={() => fire.mutate({ id: m.id, action: 'withdraw', comment: '工作人员撤回' })}>
                  撤回
                </Button>
              ) : (
                <Button type="primary" onClick={() => fire.mutate({ id: m.id, action: 'publish' })}>
                  发布
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}
