// 协商成果 list for the office and leaders: by state, with the units' feedback progress and overdue counts; a new
// draft and the Excel of the list. Units see their own in UnitOutcomesPage.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Segmented, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api, qs } from '../../../../api/client.ts';
import {
  DataTable,
  ErrorAlert,
  ExportButton,
  PageHeader,
  pagedProps,
  useListParams,
} from '../../../../components/index.ts';
import { OUTCOME_STATE_OPTIONS, type OutcomeListItem } from '../api.ts';
import { outcomeKeys } from '../queries.ts';

export function OutcomeListPage() {
  const [params, setParams] = useListParams({ state: '' });
  const navigate = useNavigate();
  const filters = { ...params, state: params.state || undefined };
  const { data, error, isFetching } = useQuery({
    queryKey: outcomeKeys.list(filters),
    queryFn: () => api.get<{ items: OutcomeListItem[]; total: number }>(`/api/consultation-outcomes${qs(filters)}`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="协商成果"
        description="成果起草、领导签发、报送、交办、反馈、评估和回头看。"
        extra={
          <Flex gap={8} wrap>
            <Button type="primary" onClick={() => navigate('/consultations/outcomes/new')}>
              起草成果
            </Button>
            <ExportButton url={`/api/consultation-outcomes/export${qs({ state: filters.state })}`}>
              导出 Excel
            </ExportButton>
          </Flex>
        }
      />
      <div style={{ overflowX: 'auto', marginBottom: 16 }}>
        <Segmented
          aria-label="按状态查看"
          value={params.state}
          onChange={(v) => setParams({ state: String(v), page: 1 })}
          options={OUTCOME_STATE_OPTIONS}
        />
      </div>
      <ErrorAlert error={error} />
      <DataTable<OutcomeListItem>
        {...pagedProps({ data, isFetching }, params, setParams)}
        columns={[
          {
            title: '标题',
            dataIndex: 'title',
            render: (t: string, r) => <Link to={`/consultations/outcomes/${r.id}`}>{t}</Link>,
          },
          { title: '类型', dataIndex: 'kind' },
          {
            title: '状态',
            dataIndex: 'stateLabel',
            render: (s: string, r) => (
              <>
                {s}
                {r.round > 1 && <Tag style={{ marginLeft: 4 }}>回头看第 {r.round - 1} 轮</Tag>}
              </>
            ),
          },
          { title: '报送日期', dataIndex: 'submittedOn', render: (d: string | null) => d ?? '—' },
          {
            title: '反馈',
            key: 'feedback',
            render: (_: unknown, r) =>
              r.unitCount ? (
                <>
                  {r.fedBackCount}/{r.unitCount}
                  {r.overdueCount > 0 && (
                    <Tag color="red" style={{ marginLeft: 4 }}>
                      超期 {r.overdueCount}
                    </Tag>
                  )}
                </>
              ) : (
                '—'
              ),
          },
          { title: '批示', dataIndex: 'instructionCount' },
          { title: '公开', dataIndex: 'isPublic', render: (p: boolean) => (p ? '是' : '否') },
        ]}
      />
    </>
  );
}
