// The month's 12345 cases, paged, with their marks.
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../../api/client.ts';
import {
  ErrorAlert,
  FilterBar,
  ParamSearch,
  ParamSelect,
  pagedProps,
  ResponsiveList,
  textColumns,
  useListParams,
} from '../../../components/index.ts';
import type { HotlineCase } from '../api.ts';
import { grassrootsKeys } from '../queries.ts';
import { HotlineCaseLine, MarkTag } from './HotlineCaseLine.tsx';

const MARK_CHOICES = { '': '全部', open: '未立题', takenUp: '已立题', resolved: '已解决' };

export function HotlineCases({ month }: { month: string }) {
  const [params, setParams] = useListParams({ q: '', mark: '' });
  const list = useQuery({
    queryKey: grassrootsKeys.hotlineCases(month, params),
    queryFn: () =>
      api.get<{ items: HotlineCase[]; total: number }>(
        `/api/grassroots/hotline/cases${qs({ ...params, month, q: params.q || undefined, mark: params.mark || undefined })}`,
      ),
  });
  return (
    <>
      <FilterBar
        active={params.mark ? 1 : 0}
        search={
          <ParamSearch
            label="搜索工单"
            placeholder="工单编号、诉求内容"
            name="q"
            params={params}
            setParams={setParams}
          />
        }
      >
        <ParamSelect
          label="立题情况"
          width={140}
          name="mark"
          params={params}
          setParams={setParams}
          labels={MARK_CHOICES}
        />
      </FilterBar>
      <ErrorAlert error={list.error} />
      <ResponsiveList<HotlineCase>
        {...pagedProps(list, params, setParams)}
        unit="件"
        rowKey="id"
        card={(c) => <HotlineCaseLine c={c} />}
        columns={[
          ...textColumns({ caseNo: '工单编号', receivedOn: '受理日期', area: '区域/街道', category: '类别' }),
          { title: '诉求内容', dataIndex: 'content', width: 360 },
          { title: '办理状态', dataIndex: 'status' },
          { title: '立题情况', dataIndex: 'mark', render: (_, c) => <MarkTag c={c} /> },
          { title: '议题', dataIndex: 'topicTitle', render: (v, c) => (v ? `${v}（${c.roomName}）` : '') },
        ]}
      />
    </>
  );
}
