// Reflections waiting for review (or of any state), each linking to its page.
import { Segmented } from 'antd';
import { ErrorAlert, linkColumn, pagedProps, ResponsiveList, useListParams } from '../../../components/index.ts';
import type { Reflection } from '../api.ts';
import { useReflections } from '../queries.ts';

export function ReviewTab() {
  const [params, setParams] = useListParams({ state: 'submitted' });
  const filters = { state: params.state || undefined, page: params.page, pageSize: params.pageSize };
  const { data, error, isFetching } = useReflections(filters);
  return (
    <>
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented
          aria-label="按状态查看心得"
          value={params.state}
          onChange={(v) => setParams({ state: String(v), page: 1 })}
          options={[
            { value: 'submitted', label: '待审核' },
            { value: 'accepted', label: '已通过' },
            { value: 'returned', label: '退回修改' },
            { value: '', label: '全部' },
          ]}
        />
      </div>
      <ErrorAlert error={error} />
      <ResponsiveList<Reflection>
        unit="篇"
        locale={{ emptyText: '没有这一状态的心得' }}
        {...pagedProps({ data, isFetching }, params, setParams)}
        columns={[
          linkColumn('心得', 'title', (r) => `/learning/reflections/${r.id}`),
          { title: '委员', dataIndex: 'memberName' },
          { title: '学习内容', key: 'on', render: (_: unknown, r) => r.materialTitle ?? r.classTitle ?? '—' },
          { title: '状态', dataIndex: 'stateLabel' },
        ]}
      />
    </>
  );
}
