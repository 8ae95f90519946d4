// 专委会月汇报: the reports this account may read (its own special committee's, or all for the office and leaders),
// and 生成草稿: the platform fills the chosen month's draft with its facts, then the editor opens.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Form, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import {
  ErrorAlert,
  FilterBar,
  namedChoices,
  onePageProps,
  PageHeader,
  ParamSelect,
  ResponsiveList,
  useListParams,
} from '../../../components/index.ts';
import { monthLabel, type ReportRow, type Unit, workspaceKeys } from '../api.ts';

const STATES = { draft: '草稿', submitted: '已提交', read: '已批阅' };
const COLORS: Record<string, string> = { draft: 'default', submitted: 'orange', read: 'green' };

export function ReportsPage() {
  const [params, setParams] = useListParams({ state: '' });
  const list = useQuery({
    queryKey: workspaceKeys.reports(params),
    queryFn: () =>
      api.get<{ items: ReportRow[]; total: number }>(
        `/api/workspace/reports${params.state ? `?state=${params.state}` : ''}`,
      ),
  });
  return (
    <>
      <PageHeader
        title="专委会月汇报"
        description="专委会办公室每月向主席会议汇报工作，领导阅示批注。"
        back="/workspace"
      />
      <Generate />
      <FilterBar active={params.state ? 1 : 0}>
        <ParamSelect
          label="状态"
          style={{ minWidth: 140 }}
          name="state"
          params={params}
          setParams={setParams}
          labels={STATES}
        />
      </FilterBar>
      <ErrorAlert error={list.error} />
      <ResponsiveList<ReportRow>
        rowKey="id"
        {...onePageProps(list.data, list.isLoading)}
        unit="份"
        titleColumn="title"
        columns={[
          { title: '月汇报', dataIndex: 'title', render: (t, r) => <Link to={`/workspace/reports/${r.id}`}>{t}</Link> },
          { title: '月份', dataIndex: 'month', render: (m) => monthLabel(m) },
          { title: '状态', dataIndex: 'state', render: (s, r) => <Tag color={COLORS[s]}>{r.stateLabel}</Tag> },
          { title: '提交时间', dataIndex: 'submittedAt', render: (v) => (v ? formatDateTime(v) : '—') },
        ]}
      />
    </>
  );
}

/** 生成草稿 for a special committee the account works in (office staff: any), for last month by default. */
function Generate() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ specialCommitteeId: number; month: Dayjs }>();
  const units = useQuery({
    queryKey: workspaceKeys.list(),
    queryFn: () => api.get<{ specialCommittees: Unit[] }>('/api/workspace'),
  });
  const mine = (units.data?.specialCommittees ?? []).filter((u) => u.canManage);
  const create = useMutation({
    mutationFn: (v: { specialCommitteeId: number; month: Dayjs }) =>
      api.post<{ id: number }>('/api/workspace/reports', {
        specialCommitteeId: v.specialCommitteeId,
        month: v.month.format('YYYY-MM'),
      }),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: workspaceKeys.all });
      navigate(`/workspace/reports/${r.id}`);
    },
  });
  if (!mine.length) return null;
  return (
    <Card title="编写月汇报" style={{ marginBottom: 16 }}>
      <ErrorAlert error={create.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          specialCommitteeId: mine.length === 1 ? mine[0].id : undefined,
          month: dayjs().subtract(1, 'month'),
        }}
        onFinish={create.mutate}
      >
        <Flex wrap gap={16} align="end">
          <Form.Item
            name="specialCommitteeId"
            label="专委会"
            rules={[{ required: true, message: '请选择专委会' }]}
            style={{ minWidth: 220 }}
          >
            <Select options={namedChoices(mine)} />
          </Form.Item>
          <Form.Item name="month" label="月份" rules={[{ required: true, message: '请选择月份' }]}>
            <DatePicker picker="month" allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              生成草稿
            </Button>
          </Form.Item>
        </Flex>
      </Form>
    </Card>
  );
}
