// The office's supervision pages: 办理督办 (due soon and overdue by unit), 民主评议 (unit appraisal scores and grades)
// and 优秀提案 (nomination → evaluation → publication).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, qs } from '../../api/client.ts';
import { beijingYear, formatDate } from '../../app/format.ts';
import {
  ErrorAlert,
  ExportButton,
  errorMessage,
  PageHeader,
  useFormDraft,
  useListParams,
} from '../../components/index.ts';
import { TAG } from './api.ts';
import { EmptyText } from './EmptyText.tsx';
import { percentOrDash } from './percent.ts';
import { proposalKeys } from './queries.ts';

const YEARS = Array.from({ length: 8 }, (_, i) => beijingYear() - i);

interface Board {
  units: { unitId: number; name: string; dueSoon: number; overdue: number }[];
  items: {
    assignmentId: number;
    proposalId: number;
    unitId: number;
    unitName: string;
    role: string;
    title: string;
    numberLabel: string;
    isKey: boolean;
    dueAt: string;
    daysLeft: number;
    overdue: boolean;
    extensionCount: number;
  }[];
}

export function DeadlineBoardPage() {
  const [params, setParams] = useListParams({ days: '30', unitId: '' });
  const q = { days: params.days, unitId: params.unitId };
  const { data, error, isFetching } = useQuery({
    queryKey: proposalKeys.deadlines(q),
    queryFn: () => api.get<Board>(`/api/proposals/deadlines${qs(q)}`),
  });
  return (
    <>
      <PageHeader
        title="办理督办"
        description="即将到期和已超期的承办件，按单位汇总；超期情况同时提醒承办单位、提案委和领导。"
        extra={<ExportButton url={`/api/proposals/deadlines.xlsx${qs(q)}`} />}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <span>
          即将到期{' '}
          <Select
            aria-label="即将到期天数"
            value={Number(params.days)}
            style={{ width: 140 }}
            onChange={(v) => setParams({ days: String(v) })}
            options={[7, 15, 30, 60].map((d) => ({ value: d, label: `${d} 天内` }))}
          />
        </span>
        {params.unitId && <Button onClick={() => setParams({ unitId: '' })}>显示全部单位</Button>}
      </Space>
      <ErrorAlert error={error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card title="按单位">
            <Table
              rowKey="unitId"
              size="middle"
              loading={isFetching}
              dataSource={data?.units ?? []}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <EmptyText>没有即将到期或超期的提案</EmptyText> }}
              columns={[
                {
                  title: '承办单位',
                  dataIndex: 'name',
                  render: (v: string, r) => (
                    <Button type="link" style={{ padding: 0 }} onClick={() => setParams({ unitId: String(r.unitId) })}>
                      {v}
                    </Button>
                  ),
                },
                { title: '即将到期', dataIndex: 'dueSoon' },
                {
                  title: '已超期',
                  dataIndex: 'overdue',
                  render: (v: number) => (v ? <Tag color={TAG.red}>{v}</Tag> : 0),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card title="承办件">
            <Table
              rowKey="assignmentId"
              size="middle"
              loading={isFetching}
              dataSource={data?.items ?? []}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <EmptyText>暂无数据</EmptyText> }}
              columns={[
                {
                  title: '案由',
                  dataIndex: 'title',
                  render: (v: string, r) => (
                    <Space wrap>
                      <Link to={`/proposals/${r.proposalId}`}>{v}</Link>
                      {r.isKey && <Tag color={TAG.red}>重点</Tag>}
                    </Space>
                  ),
                },
                { title: '提案号', dataIndex: 'numberLabel' },
                { title: '承办单位', dataIndex: 'unitName' },
                { title: '办理期限', dataIndex: 'dueAt', render: (v: string) => formatDate(v) },
                {
                  title: '剩余',
                  dataIndex: 'daysLeft',
                  render: (v: number, r) =>
                    r.overdue ? (
                      <Tag color={TAG.red}>超期 {-v} 天</Tag>
                    ) : (
                      <Tag color={v <= 7 ? TAG.orange : TAG.blue}>{v} 天</Tag>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

interface Appraisal {
  dimensions: { key: string; label: string; max: number }[];
  grades: { min: number; label: string }[];
  items: {
    unitId: number;
    name: string;
    assigned: number;
    replied: number;
    onTimeRate: number | null;
    satisfiedRate: number | null;
    overdue: number;
    scores: Record<string, number> | null;
    total: number | null;
    grade: string | null;
    comment: string;
  }[];
}

export function AppraisalPage() {
  const [params, setParams] = useListParams({ year: String(beijingYear()) });
  const client = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Appraisal['items'][number] | null>(null);
  const [form] = Form.useForm();
  const draft = useFormDraft(form, editing ? `proposal-appraisal:${params.year}:${editing.unitId}` : null);
  const { data, error, isFetching } = useQuery({
    queryKey: proposalKeys.appraisalsOf(params.year),
    queryFn: () => api.get<Appraisal>(`/api/proposals/appraisals${qs({ year: params.year })}`),
  });
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !editing) return;
    try {
      const { comment, ...scores } = v;
      const res = await api.put<{ total: number; grade: string }>('/api/proposals/appraisals', {
        year: Number(params.year),
        unitId: editing.unitId,
        scores,
        comment,
      });
      message.success(`已保存：${res.total} 分，${res.grade}`);
      draft.clear();
      setEditing(null);
      await client.invalidateQueries({ queryKey: proposalKeys.appraisals });
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <>
      <PageHeader
        title="民主评议"
        description={`评议承办单位的组织领导、工作机制、沟通联系、办理成效和答复质量，满分 100 分（${(
          data?.grades ?? []
        )
          .map((g) => `${g.label} ≥ ${g.min}`)
          .join('，')}）。`}
        extra={<ExportButton url={`/api/proposals/appraisals.xlsx${qs({ year: params.year })}`} />}
      />
      <div style={{ marginBottom: 16 }}>
        年度{' '}
        <Select
          aria-label="年度"
          value={Number(params.year)}
          style={{ width: 120 }}
          onChange={(v) => setParams({ year: String(v) })}
          options={YEARS.map((y) => ({ value: y, label: `${y}年` }))}
        />
      </div>
      <ErrorAlert error={error} />
      <Table
        rowKey="unitId"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: <EmptyText>暂无数据</EmptyText> }}
        columns={[
          { title: '承办单位', dataIndex: 'name' },
          { title: '交办', dataIndex: 'assigned' },
          { title: '按期答复率', dataIndex: 'onTimeRate', render: percentOrDash },
          { title: '满意率', dataIndex: 'satisfiedRate', render: percentOrDash },
          { title: '总分', dataIndex: 'total', render: (v: number | null) => v ?? '未评' },
          {
            title: '等次',
            dataIndex: 'grade',
            render: (v: string | null) => (v ? <Tag color={TAG.blue}>{v}</Tag> : '—'),
          },
          {
            title: '操作',
            key: 'op',
            render: (_: unknown, r) => (
              <Button
                onClick={() => {
                  form.setFieldsValue({ ...(r.scores ?? {}), comment: r.comment });
                  setEditing(r);
                }}
              >
                评分
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={`${editing?.name ?? ''} · ${params.year} 年评议`}
        onCancel={() => setEditing(null)}
        onOk={save}
        okText="保存"
        cancelText="取消"
        destroyOnHidden
      >
        {draft.notice}
        <Form form={form} layout="vertical" size="large" preserve={false} onValuesChange={draft.onValuesChange}>
          {(data?.dimensions ?? []).map((d) => (
            <Form.Item
              key={d.key}
              name={d.key}
              label={`${d.label}（满分 ${d.max}）`}
              rules={[{ required: true, message: `请填写${d.label}得分` }]}
            >
              <InputNumber min={0} max={d.max} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
          ))}
          <Form.Item name="comment" label="评语">
            <Input.TextArea count={{ show: true, max: 2000 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

interface Commendation {
  id: number;
  proposalId: number;
  title: string;
  numberLabel: string;
  proposers: string;
  year: number;
  state: string;
  stateLabel: string;
  reason: string;
  score: number | null;
}

export function CommendationsPage() {
  const [params, setParams] = useListParams({ year: String(beijingYear()) });
  const { data, error, isFetching } = useQuery({
    queryKey: proposalKeys.commendationsOf(params.year),
    queryFn: () => api.get<{ items: Commendation[] }>(`/api/proposals/commendations${qs({ year: params.year })}`),
  });
  return (
    <>
      <PageHeader
        title="优秀提案"
        description="在提案详情页推荐；推荐后评审打分，经审定后公布表彰，提案人的履职档案同时记入。"
      />
      <div style={{ marginBottom: 16 }}>
        年度{' '}
        <Select
          aria-label="年度"
          value={Number(params.year)}
          style={{ width: 120 }}
          onChange={(v) => setParams({ year: String(v) })}
          options={YEARS.map((y) => ({ value: y, label: `${y}年` }))}
        />
      </div>
      <ErrorAlert error={error} />
      <Table
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyText>本年度尚无推荐</EmptyText> }}
        columns={[
          {
            title: '案由',
            dataIndex: 'title',
            render: (v: string, r) => <Link to={`/proposals/${r.proposalId}`}>{v}</Link>,
          },
          { title: '提案号', dataIndex: 'numberLabel' },
          { title: '提案人', dataIndex: 'proposers' },
          { title: '评审得分', dataIndex: 'score', render: (v: number | null) => v ?? '—' },
          {
            title: '状态',
            dataIndex: 'stateLabel',
            render: (v: string, r) => <Tag color={r.state === 'published' ? TAG.green : TAG.blue}>{v}</Tag>,
          },
          {
            title: '推荐理由',
            dataIndex: 'reason',
            render: (v: string) => <Typography.Text>{v || '—'}</Typography.Text>,
          },
        ]}
      />
    </>
  );
}
