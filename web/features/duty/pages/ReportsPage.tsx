// 述职报告 for staff: the list of self-reports to review.
import { Flex } from 'antd';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../../app/format.ts';
import {
  DataTable,
  ErrorAlert,
  linkColumn,
  PageHeader,
  ParamSearch,
  ParamSelect,
  pagedProps,
  textColumns,
  useListParams,
} from '../../../components/index.ts';
import { thisYear } from '../api.ts';
import { YearSelect } from '../components/YearSelect.tsx';
import { useReports } from '../queries.ts';

const STATUS_CHOICES = { '': '全部', submitted: '待审阅', returned: '已退回修改', accepted: '已审阅' };

export function ReportsPage() {
  const [p, setP] = useListParams({ year: String(thisYear()), status: 'submitted', q: '' });
  const navigate = useNavigate();
  const { data, error, isFetching } = useReports(p);
  return (
    <>
      <PageHeader title="述职报告" description="委员提交的年度述职报告，审阅通过或退回修改。" />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <YearSelect value={Number(p.year)} onChange={(y) => setP({ year: String(y) })} />
        <ParamSelect label="状态" width={150} name="status" params={p} setParams={setP} labels={STATUS_CHOICES} />
        <ParamSearch label="姓名或编号" name="q" params={p} setParams={setP} style={{ maxWidth: 220 }} />
      </Flex>
      <ErrorAlert error={error} />
      <DataTable
        {...pagedProps({ data, isFetching }, p, setP)}
        onRow={(r: any) => ({ onClick: () => navigate(`/duty/reports/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '编号', dataIndex: 'code' },
          linkColumn('委员', 'name', (r) => `/duty/reports/${r.id}`),
          ...textColumns({ year: '年度', statusLabel: '状态' }),
          { title: '提交时间', dataIndex: 'submittedAt', render: (v: string) => formatDateTime(v) },
          { title: '审阅人', dataIndex: 'reviewedBy', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
