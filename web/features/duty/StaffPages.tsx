// Staff pages of 履职管理: the score table (by sector / special committee / group, with each component), group
// summaries, the quarterly bulletin (Word, Excel), consequences (约谈、劝辞), self-reports to review, commendations.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, qs } from '../../api/client.ts';
import { beijingToday, formatDateTime } from '../../app/format.ts';
import { useSession } from '../../app/session.tsx';
import {
  ConfirmButton,
  DataTable,
  ErrorAlert,
  ExportButton,
  PageHeader,
  useFormDraft,
  useListParams,
  useTextDraft,
} from '../../components/index.ts';
import { MemberSelect, useReference } from '../meetings/shared.tsx';
import { GRADE_COLOR, thisYear, yearOptions } from './api.ts';

interface ScoreRow {
  memberId: number;
  name: string;
  code: string | null;
  sector: string | null;
  specialCommittees: string | null;
  total: number;
  grade: string;
  gradeLabel: string;
  components: Record<string, number>;
  checklistDone: number;
  checklistTotal: number;
  checklistMissing: string[];
}
interface Scores {
  items: ScoreRow[];
  total: number;
  passMark: number;
  version: { name: string; version: number; year: number };
  categories: { key: string; name: string; cap: number | null }[];
}

export function ScoresPage() {
  const [p, setP] = useListParams(
    {
      year: String(thisYear()),
      sectorId: '',
      specialCommitteeId: '',
      grade: '',
      belowPass: '',
      missingChecklist: '',
      q: '',
      sort: 'code',
      tab: 'members',
    },
    50,
  );
  const ref = useReference();
  const filters = {
    year: p.year,
    sectorId: p.sectorId,
    specialCommitteeId: p.specialCommitteeId,
    grade: p.grade,
    belowPass: p.belowPass,
    missingChecklist: p.missingChecklist,
    q: p.q,
    sort: p.sort,
  };
  const { data, error, isFetching } = useQuery({
    queryKey: ['duty-scores', p],
    queryFn: () => api.get<Scores>(`/api/duty/scores${qs({ ...filters, page: p.page, pageSize: p.pageSize })}`),
    placeholderData: keepPreviousData,
    enabled: p.tab === 'members',
  });
  const [quarter, setQuarter] = useState(Math.floor(beijingToday().month() / 3) + 1);
  return (
    <>
      <PageHeader
        title="履职积分"
        description="每位委员的积分和各项得分；积分反映履职数量，不代表履职质量，请结合各项明细看待。"
        extra={
          <Space wrap>
            <Select
              aria-label="季度"
              value={quarter}
              onChange={setQuarter}
              style={{ width: 110 }}
              options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第 ${q} 季度` }))}
            />
            <ExportButton url={`/api/duty/bulletin${qs({ year: p.year, quarter, format: 'docx' })}`}>
              通报 (Word)
            </ExportButton>
            <ExportButton url={`/api/duty/bulletin${qs({ year: p.year, quarter, format: 'xlsx' })}`}>
              通报 (Excel)
            </ExportButton>
          </Space>
        }
      />
      <Tabs
        activeKey={p.tab}
        onChange={(tab) => setP({ tab })}
        items={[
          { key: 'members', label: '委员明细' },
          { key: 'sector', label: '按界别' },
          { key: 'specialCommittee', label: '按专委会' },
          { key: 'group', label: '按学习组' },
        ]}
      />
      {p.tab !== 'members' ? (
        <GroupTable year={p.year} by={p.tab as any} />
      ) : (
        <>
          <Flex gap={12} wrap style={{ marginBottom: 16 }}>
            <Select
              aria-label="年度"
              value={Number(p.year)}
              onChange={(y) => setP({ year: String(y) })}
              options={yearOptions()}
              style={{ width: 110 }}
            />
            <Input.Search
              aria-label="姓名或编号"
              placeholder="姓名或编号"
              allowClear
              defaultValue={p.q}
              onSearch={(q) => setP({ q })}
              style={{ maxWidth: 220 }}
            />
            <Select
              aria-label="界别"
              allowClear
              placeholder="全部界别"
              style={{ width: 200 }}
              value={p.sectorId ? Number(p.sectorId) : undefined}
              onChange={(v) => setP({ sectorId: v ? String(v) : '' })}
              showSearch={{ optionFilterProp: 'label' }}
              options={ref.data?.sectors.map((s) => ({ value: s.id, label: s.name }))}
            />
            <Select
              aria-label="专委会"
              allowClear
              placeholder="全部专委会"
              style={{ width: 200 }}
              value={p.specialCommitteeId ? Number(p.specialCommitteeId) : undefined}
              onChange={(v) => setP({ specialCommitteeId: v ? String(v) : '' })}
              options={ref.data?.specialCommittees.map((s) => ({ value: s.id, label: s.name }))}
            />
            <Select
              aria-label="等次"
              style={{ width: 120 }}
              value={p.grade}
              onChange={(grade) => setP({ grade })}
              options={[
                { value: '', label: '全部等次' },
                { value: 'excellent', label: '优秀' },
                { value: 'good', label: '良好' },
                { value: 'competent', label: '称职' },
                { value: 'incompetent', label: '不称职' },
              ]}
            />
            <Select
              aria-label="排序"
              style={{ width: 140 }}
              value={p.sort}
              onChange={(sort) => setP({ sort })}
              options={[
                { value: 'code', label: '按编号' },
                { value: 'totalAsc', label: '积分从低到高' },
                { value: 'totalDesc', label: '积分从高到低' },
              ]}
            />
            <Checkbox
              checked={p.belowPass === 'true'}
              onChange={(e) => setP({ belowPass: e.target.checked ? 'true' : '' })}
            >
              只看未达合格分
            </Checkbox>
            <Checkbox
              checked={p.missingChecklist === 'true'}
              onChange={(e) => setP({ missingChecklist: e.target.checked ? 'true' : '' })}
            >
              只看未完成基本要求
            </Checkbox>
            <ExportButton url={`/api/duty/scores/export${qs(filters)}`} />
          </Flex>
          <ErrorAlert error={error} />
          {data && (
            <Typography.Paragraph type="secondary">
              计分规则：{data.version.name}（{data.version.year} 年第 {data.version.version} 版），合格分{' '}
              {data.passMark} 分。
            </Typography.Paragraph>
          )}
          <DataTable<ScoreRow>
            rowKey="memberId"
            data={data}
            loading={isFetching}
            page={p.page}
            pageSize={p.pageSize}
            onPageChange={(page, pageSize) => setP({ page, pageSize })}
            columns={[
              { title: '编号', dataIndex: 'code' },
              {
                title: '姓名',
                dataIndex: 'name',
                render: (n, r) => <Link to={`/duty/members/${r.memberId}?year=${p.year}`}>{n}</Link>,
              },
              { title: '界别', dataIndex: 'sector' },
              ...(data?.categories ?? []).map((c) => ({
                title: c.name,
                key: c.key,
                render: (_: unknown, r: ScoreRow) => r.components[c.key] ?? 0,
              })),
              { title: '总分', dataIndex: 'total', render: (v: number) => <strong>{v}</strong> },
              {
                title: '等次',
                dataIndex: 'grade',
                render: (g: string, r: ScoreRow) => <Tag color={GRADE_COLOR[g]}>{r.gradeLabel}</Tag>,
              },
              {
                title: '基本要求',
                render: (_: unknown, r: ScoreRow) =>
                  r.checklistMissing.length ? (
                    <span title={`未完成：${r.checklistMissing.join('、')}`}>
                      {r.checklistDone}/{r.checklistTotal}，缺 {r.checklistMissing.join('、')}
                    </span>
                  ) : r.checklistTotal ? (
                    <Tag color="#237804">已完成</Tag>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </>
      )}
    </>
  );
}

function GroupTable({ year, by }: { year: string; by: 'sector' | 'specialCommittee' | 'group' }) {
  const { data, error, isFetching } = useQuery({
    queryKey: ['duty-groups', year, by],
    queryFn: () => api.get<any>(`/api/duty/groups${qs({ year, by })}`),
  });
  return (
    <>
      <ErrorAlert error={error} />
      <Table
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '暂无数据' }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '人数', dataIndex: 'members' },
          { title: '平均分', dataIndex: 'average' },
          { title: '中位数', dataIndex: 'median' },
          ...((data?.categories ?? []) as { key: string; name: string }[]).map((c) => ({
            title: `${c.name}（平均）`,
            key: c.key,
            render: (_: unknown, r: any) => r.components[c.key],
          })),
          {
            title: '未达合格分',
            dataIndex: 'belowPass',
            render: (n: number) => (n ? <Tag color="#cf1322">{n} 人</Tag> : 0),
          },
          { title: '未完成基本要求', dataIndex: 'missingChecklist' },
        ]}
      />
    </>
  );
}

export function ConsequencesPage() {
  const { can } = useSession();
  const manage = can('duty.manage');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [year, setYear] = useState(thisYear());
  const candidates = useQuery({
    queryKey: ['duty-cand', year],
    queryFn: () => api.get<{ items: any[]; passMark: number }>(`/api/duty/consequences/candidates${qs({ year })}`),
  });
  const list = useQuery({
    queryKey: ['duty-cons', year],
    queryFn: () => api.get<{ items: any[]; total: number }>(`/api/duty/consequences${qs({ year, pageSize: 200 })}`),
  });
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const draft = useFormDraft(form, open ? `duty-consequence:${year}` : null);
  const save = useMutation({
    mutationFn: (v: any) =>
      api.post('/api/duty/consequences', { ...v, year, happenedOn: v.happenedOn.format('YYYY-MM-DD') }),
    onSuccess: () => {
      message.success('已记录');
      draft.clear();
      setOpen(false);
      qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('duty-c') });
    },
  });
  const start = (row?: any) => {
    form.resetFields();
    if (row) form.setFieldsValue({ memberId: row.memberId, kind: row.suggestion, reason: row.reason });
    setOpen(true);
  };
  return (
    <>
      <PageHeader
        title="约谈与劝辞"
        description="低于合格分的委员建议约谈；连续两年低于合格分或多次无故缺席全体会议的，建议劝辞。"
        extra={
          <Space>
            <Select aria-label="年度" value={year} onChange={setYear} options={yearOptions()} style={{ width: 110 }} />
            {manage && (
              <Button type="primary" onClick={() => start()}>
                记录约谈或劝辞
              </Button>
            )}
          </Space>
        }
      />
      <Card title={`需关注的委员（合格分 ${candidates.data?.passMark ?? ''} 分）`} style={{ marginBottom: 16 }}>
        <ErrorAlert error={candidates.error} />
        <Table
          rowKey="memberId"
          loading={candidates.isFetching}
          dataSource={candidates.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '没有需要关注的委员' }}
          columns={[
            { title: '编号', dataIndex: 'code' },
            {
              title: '姓名',
              dataIndex: 'name',
              render: (n, r) => <Link to={`/duty/members/${r.memberId}?year=${year}`}>{n}</Link>,
            },
            { title: '积分', dataIndex: 'total' },
            { title: '原因', dataIndex: 'reason' },
            {
              title: '建议',
              dataIndex: 'suggestionLabel',
              render: (l, r) => <Tag color={r.suggestion === 'talk' ? '#ad4e00' : '#cf1322'}>{l}</Tag>,
            },
            {
              title: '已处理',
              render: (_, r) => [r.talked && '已约谈', r.advised && '已劝辞'].filter(Boolean).join('、') || '—',
            },
            ...(manage
              ? [
                  {
                    title: '操作',
                    render: (_: unknown, r: any) => (
                      <Button size="small" onClick={() => start(r)}>
                        记录
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title="处理记录">
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无记录' }}
          columns={[
            { title: '日期', dataIndex: 'happenedOn' },
            { title: '委员', dataIndex: 'name' },
            { title: '方式', dataIndex: 'kindLabel' },
            { title: '原因', dataIndex: 'reason' },
            { title: '结果', dataIndex: 'outcome' },
            { title: '记录人', dataIndex: 'createdBy' },
            ...(manage
              ? [
                  {
                    title: '操作',
                    render: (_: unknown, r: any) => (
                      <ConfirmButton
                        size="small"
                        danger
                        confirm="确定删除这条记录吗？"
                        onConfirm={async () => {
                          await api.del(`/api/duty/consequences/${r.id}`);
                          qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('duty-c') });
                        }}
                      >
                        删除
                      </ConfirmButton>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        title="记录约谈或劝辞"
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        destroyOnHidden
        forceRender
      >
        <ErrorAlert error={save.error} />
        {draft.notice}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'talk' }}
          onFinish={(v) => save.mutate(v)}
          onValuesChange={draft.onValuesChange}
        >
          <Form.Item name="memberId" label="委员" rules={[{ required: true, message: '请选择委员' }]}>
            <MemberSelect />
          </Form.Item>
          <Form.Item name="kind" label="方式">
            <Radio.Group
              options={[
                { value: 'talk', label: '约谈' },
                { value: 'resignationAdvice', label: '劝辞' },
              ]}
            />
          </Form.Item>
          <Form.Item name="happenedOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="reason" label="原因" rules={[{ required: true, message: '请填写原因' }]}>
            <Input.TextArea rows={2} count={{ show: true, max: 500 }} />
          </Form.Item>
          <Form.Item name="outcome" label="结果">
            <Input.TextArea rows={2} count={{ show: true, max: 1000 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
        </Form>
      </Modal>
    </>
  );
}

export function ReportsPage() {
  const [p, setP] = useListParams({ year: String(thisYear()), status: 'submitted', q: '' });
  const navigate = useNavigate();
  const { data, error, isFetching } = useQuery({
    queryKey: ['duty-reports', p],
    queryFn: () => api.get<{ items: any[]; total: number }>(`/api/duty/reports${qs(p)}`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title="述职报告" description="委员提交的年度述职报告，审阅通过或退回修改。" />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="年度"
          value={Number(p.year)}
          onChange={(y) => setP({ year: String(y) })}
          options={yearOptions()}
          style={{ width: 110 }}
        />
        <Select
          aria-label="状态"
          value={p.status}
          onChange={(status) => setP({ status })}
          style={{ width: 150 }}
          options={[
            { value: '', label: '全部' },
            { value: 'submitted', label: '待审阅' },
            { value: 'returned', label: '已退回修改' },
            { value: 'accepted', label: '已审阅' },
          ]}
        />
        <Input.Search
          aria-label="姓名或编号"
          placeholder="姓名或编号"
          allowClear
          defaultValue={p.q}
          onSearch={(q) => setP({ q })}
          style={{ maxWidth: 220 }}
        />
      </Flex>
      <ErrorAlert error={error} />
      <DataTable
        data={data}
        loading={isFetching}
        page={p.page}
        pageSize={p.pageSize}
        onPageChange={(page, pageSize) => setP({ page, pageSize })}
        onRow={(r: any) => ({ onClick: () => navigate(`/duty/reports/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '编号', dataIndex: 'code' },
          {
            title: '委员',
            dataIndex: 'name',
            render: (n: string, r: any) => <Link to={`/duty/reports/${r.id}`}>{n}</Link>,
          },
          { title: '年度', dataIndex: 'year' },
          { title: '状态', dataIndex: 'statusLabel' },
          { title: '提交时间', dataIndex: 'submittedAt', render: (v: string) => formatDateTime(v) },
          { title: '审阅人', dataIndex: 'reviewedBy', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}

export function ReportReviewPage() {
  const { id } = useParams();
  const { can } = useSession();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { data, error } = useQuery({
    queryKey: ['duty-report', id],
    queryFn: () => api.get<any>(`/api/duty/reports/${id}`),
  });
  const [comment, setComment, clearComment] = useTextDraft(`duty-report-review:${id}`);
  const review = useMutation({
    mutationFn: (accept: boolean) => api.post(`/api/duty/reports/${id}/review`, { accept, comment }),
    onSuccess: () => {
      message.success('已保存');
      clearComment();
      qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('duty-report') });
    },
  });
  return (
    <>
      <PageHeader title={data ? `${data.name} ${data.year} 年度述职报告` : '述职报告'} back="/duty/reports" />
      <ErrorAlert error={error ?? review.error} />
      {data && (
        <Card>
          <Tag>{data.statusLabel}</Tag>
          <Link to={`/duty/members/${data.memberId}?year=${data.year}`}>查看该委员的履职明细</Link>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 16, marginTop: 16 }}>
            {data.body}
          </Typography.Paragraph>
          {data.reviewComment && (
            <Typography.Paragraph type="secondary">
              审阅意见：{data.reviewComment}（{data.reviewedBy}）
            </Typography.Paragraph>
          )}
          {can('duty.manage') && data.status === 'submitted' && (
            <Flex vertical gap={12} style={{ maxWidth: 560 }}>
              <label htmlFor="review-comment">审阅意见（退回时必填）</label>
              <Input.TextArea
                id="review-comment"
                rows={3}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                count={{ show: true, max: 1000 }}
              />
              <Space>
                <Button type="primary" loading={review.isPending} onClick={() => review.mutate(true)}>
                  审阅通过
                </Button>
                <Button danger loading={review.isPending} onClick={() => review.mutate(false)}>
                  退回修改
                </Button>
              </Space>
            </Flex>
          )}
        </Card>
      )}
    </>
  );
}

export function MyReportPage() {
  const [year, setYear] = useState(thisYear());
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { data, error } = useQuery({
    queryKey: ['duty-my-report', year],
    queryFn: () => api.get<any>(`/api/duty/my-report${qs({ year })}`),
  });
  const [body, setBody] = useState<string | null>(null);
  // What was typed and not yet saved comes back after a reload or a new login (issue 12).
  const [unsaved, setUnsaved, clearUnsaved] = useTextDraft(`duty-report:${year}`);
  const text = body ?? (unsaved || data?.body) ?? '';
  const save = useMutation({
    mutationFn: (submit: boolean) => api.put('/api/duty/my-report', { year, body: text, submit }),
    onSuccess: (_, submit) => {
      message.success(submit ? '已提交，等待审阅' : '已保存草稿');
      clearUnsaved();
      setBody(null);
      qc.invalidateQueries({ queryKey: ['duty-my-report'] });
    },
  });
  const editable = data && ['new', 'draft', 'returned'].includes(data.status);
  return (
    <>
      <PageHeader
        title="我的述职"
        description="报告已按您本年度的履职记录预先填写，请补充修改后提交。"
        extra={
          <Select
            aria-label="年度"
            value={year}
            onChange={(y) => {
              setYear(y);
              setBody(null);
            }}
            options={yearOptions()}
            style={{ width: 110 }}
          />
        }
      />
      <ErrorAlert error={error ?? save.error} />
      {data && (
        <Card>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Tag>{data.statusLabel}</Tag>
            {data.reviewComment && <Typography.Text>审阅意见：{data.reviewComment}</Typography.Text>}
          </Flex>
          <label htmlFor="report-body" style={{ display: 'block', marginBottom: 8 }}>
            述职报告
          </label>
          <Input.TextArea
            id="report-body"
            value={text}
            onChange={(e) => {
              setBody(e.target.value);
              setUnsaved(e.target.value);
            }}
            rows={18}
            disabled={!editable}
            count={{ show: true, max: 20000 }}
            style={{ fontSize: 16 }}
          />
          {editable && (
            <Space style={{ marginTop: 16 }} wrap>
              <Button size="large" loading={save.isPending} onClick={() => save.mutate(false)}>
                保存草稿
              </Button>
              <ConfirmButton
                size="large"
                type="primary"
                confirm="确定提交述职报告吗？"
                detail="提交后不能再修改，除非被退回。"
                onConfirm={() => save.mutateAsync(true)}
              >
                提交
              </ConfirmButton>
            </Space>
          )}
        </Card>
      )}
    </>
  );
}

export function CommendationsPage() {
  const { can } = useSession();
  const manage = can('duty.manage');
  const qc = useQueryClient();
  const [year, setYear] = useState(thisYear());
  const list = useQuery({
    queryKey: ['duty-comm', year],
    queryFn: () => api.get<{ items: any[] }>(`/api/duty/commendations${qs({ year })}`),
  });
  const top = useQuery({
    queryKey: ['duty-comm-top', year],
    queryFn: () =>
      api.get<Scores>(`/api/duty/scores${qs({ year, grade: 'excellent', sort: 'totalDesc', pageSize: 50 })}`),
  });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const draft = useFormDraft(form, open ? `duty-commendation:${year}` : null);
  const save = useMutation({
    mutationFn: (v: any) => api.post('/api/duty/commendations', { ...v, year }),
    onSuccess: () => {
      draft.clear();
      setOpen(false);
      qc.invalidateQueries({ queryKey: ['duty-comm'] });
    },
  });
  return (
    <>
      <PageHeader
        title="优秀委员"
        extra={
          <Space>
            <Select aria-label="年度" value={year} onChange={setYear} options={yearOptions()} style={{ width: 110 }} />
            {manage && (
              <Button
                type="primary"
                onClick={() => {
                  form.resetFields();
                  setOpen(true);
                }}
              >
                表彰委员
              </Button>
            )}
          </Space>
        }
      />
      <Card title={`${year} 年度优秀委员`} style={{ marginBottom: 16 }}>
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={false}
          locale={{ emptyText: '暂无' }}
          columns={[
            { title: '委员', dataIndex: 'name' },
            { title: '界别', dataIndex: 'sector' },
            { title: '称号', dataIndex: 'title' },
            { title: '表彰理由', dataIndex: 'reason' },
            { title: '积分', dataIndex: 'total', render: (v) => v ?? '—' },
            ...(manage
              ? [
                  {
                    title: '操作',
                    render: (_: unknown, r: any) => (
                      <ConfirmButton
                        size="small"
                        danger
                        confirm={`确定撤销 ${r.name} 的表彰吗？`}
                        onConfirm={async () => {
                          await api.del(`/api/duty/commendations/${r.id}`);
                          qc.invalidateQueries({ queryKey: ['duty-comm'] });
                        }}
                      >
                        撤销
                      </ConfirmButton>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title="积分等次为“优秀”的委员（供推荐参考）">
        <Table
          rowKey="memberId"
          dataSource={top.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={false}
          locale={{ emptyText: '暂无' }}
          columns={[
            {
              title: '委员',
              dataIndex: 'name',
              render: (n, r) => <Link to={`/duty/members/${r.memberId}?year=${year}`}>{n}</Link>,
            },
            { title: '界别', dataIndex: 'sector' },
            { title: '积分', dataIndex: 'total' },
            ...(manage
              ? [
                  {
                    title: '操作',
                    render: (_: unknown, r: ScoreRow) => (
                      <Button
                        size="small"
                        onClick={() => {
                          form.setFieldsValue({
                            memberId: r.memberId,
                            title: '优秀委员',
                            reason: `${year} 年度履职积分 ${r.total} 分，等次优秀`,
                          });
                          setOpen(true);
                        }}
                      >
                        表彰
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal title="表彰委员" open={open} onCancel={() => setOpen(false)} footer={null} forceRender>
        <ErrorAlert error={save.error} />
        {draft.notice}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ title: '优秀委员' }}
          onFinish={(v) => save.mutate(v)}
          onValuesChange={draft.onValuesChange}
        >
          <Form.Item name="memberId" label="委员" rules={[{ required: true, message: '请选择委员' }]}>
            <MemberSelect />
          </Form.Item>
          <Form.Item name="title" label="称号">
            <Input count={{ show: true, max: 30 }} />
          </Form.Item>
          <Form.Item name="reason" label="表彰理由" rules={[{ required: true, message: '请填写表彰理由' }]}>
            <Input.TextArea rows={3} count={{ show: true, max: 1000 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
        </Form>
      </Modal>
    </>
  );
}
