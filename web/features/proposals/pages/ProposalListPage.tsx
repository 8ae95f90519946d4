// One list page for every audience: 我的提案 (members, organisations), 单位待办 (units), 提案管理 with work queues (the
// office and leaders), 重点提案. Search and filters live in the URL; on a phone the rows become cards.
import { EditOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Flex, Form, Grid, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, qs } from '../../../api/client.ts';
import { formatDate } from '../../../app/format.ts';
import {
  choices,
  countActive,
  EmptyText,
  ErrorAlert,
  ExportButton,
  FilterBar,
  namedChoices,
  PageHeader,
  pagedProps,
  ResponsiveList,
  useListParams,
} from '../../../components/index.ts';
import { KIND_OPTIONS, type ListItem, STATE_OPTIONS, stateColor, TAG, useReference, useRules } from '../api.ts';
import { proposalKeys } from '../queries.ts';

export interface ProposalListPageProps {
  title: string;
  description?: string;
  scope: 'all' | 'mine' | 'unit';
  /** Work-queue tabs (value → label); the first is the default. */
  queues?: { value: string; label: string }[];
  isKey?: boolean;
  canWrite?: boolean;
  /** Unit inbox: filter by the unit's own assignment state. */
  unitTabs?: boolean;
}

/** One filter dropdown of the list: form field, label (zh_CN), width in px, choices; `search` types to narrow. */
interface FilterSelect {
  name: string;
  label: string;
  width: number;
  options: { value: string | number; label: string }[];
  search?: boolean;
}

const FILTERS = {
  q: '',
  queue: '',
  state: '',
  category: '',
  kind: '',
  sessionId: '',
  year: '',
  unitId: '',
  assignmentState: '',
  sort: '',
  order: '',
};

const UNIT_TABS = choices({
  '': '全部',
  assigned: '待签收',
  accepted: '办理中',
  replied: '答复待审核',
  done: '已答复',
});

export function ProposalListPage({
  title,
  description,
  scope,
  queues,
  isKey,
  canWrite,
  unitTabs,
}: ProposalListPageProps) {
  const [params, setParams] = useListParams(FILTERS);
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const ref = useReference();
  const rules = useRules();
  const queue = params.queue || queues?.[0]?.value || '';
  const query = {
    scope,
    page: params.page,
    pageSize: params.pageSize,
    q: params.q,
    queue: queue === 'all' ? '' : queue,
    state: params.state,
    category: params.category,
    kind: params.kind,
    sessionId: params.sessionId,
    year: params.year,
    unitId: params.unitId,
    assignmentState: params.assignmentState,
    isKey: isKey ? 'true' : '',
    sort: params.sort || (scope === 'unit' ? 'dueAt' : ''),
    order: params.order || (scope === 'unit' ? 'asc' : ''),
  };
  const { data, error, isFetching } = useQuery({
    queryKey: proposalKeys.list(query),
    queryFn: () => api.get<{ items: ListItem[]; total: number }>(`/api/proposals${qs(query)}`),
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    form.setFieldsValue({
      q: params.q,
      state: params.state || undefined,
      category: params.category || undefined,
      kind: params.kind || undefined,
      sessionId: params.sessionId ? Number(params.sessionId) : undefined,
      unitId: params.unitId ? Number(params.unitId) : undefined,
    });
  }, [form, params.q, params.state, params.category, params.kind, params.sessionId, params.unitId]);

  const columns = [
    {
      title: '提案号',
      dataIndex: 'numberLabel',
      width: 190,
      render: (v: string) => v || <Typography.Text type="secondary">未编号</Typography.Text>,
    },
    {
      title: '案由',
      dataIndex: 'title',
      render: (v: string, r: ListItem) => (
        <Space size={4} wrap>
          <Link to={`/proposals/${r.id}`}>{v}</Link>
          {r.isKey && <Tag color={TAG.red}>重点</Tag>}
        </Space>
      ),
    },
    { title: '提案人', dataIndex: 'proposers', width: 180 },
    { title: '类别', dataIndex: 'category', width: 120 },
    {
      title: '状态',
      dataIndex: 'stateLabel',
      width: 140,
      render: (v: string, r: ListItem) => <Tag color={stateColor(r.state)}>{v}</Tag>,
    },
    ...(scope === 'unit'
      ? [
          {
            title: '本单位',
            key: 'mine',
            width: 160,
            render: (_: unknown, r: ListItem) =>
              r.myAssignment ? (
                <Space direction="vertical" size={0}>
                  <span>
                    {r.myAssignment.role === 'lead' ? '主办' : r.myAssignment.role === 'split' ? '分办' : '会办'}·
                    {r.myAssignment.stateLabel}
                  </span>
                  <Typography.Text type="secondary">期限 {formatDate(r.myAssignment.dueAt)}</Typography.Text>
                </Space>
              ) : null,
          },
        ]
      : [{ title: '承办单位', dataIndex: 'units', width: 200 }]),
    {
      title: '办理期限',
      dataIndex: 'dueAt',
      width: 140,
      render: (v: string | null, r: ListItem) =>
        v ? (
          <Typography.Text type={r.overdue ? 'danger' : undefined}>
            {formatDate(v)}
            {r.overdue ? '（超期）' : ''}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  // The filter dropdowns (all clearable, 全部 until chosen), in screen order; units only on the office's list.
  const filterSelects: FilterSelect[] = [
    { name: 'state', label: '状态', width: 150, options: STATE_OPTIONS },
    {
      name: 'category',
      label: '类别',
      width: 150,
      options: (rules.data?.categories ?? []).map((c) => ({ value: c, label: c })),
    },
    { name: 'kind', label: '形式', width: 130, options: KIND_OPTIONS },
    { name: 'sessionId', label: '会议', width: 160, options: namedChoices(ref.data?.sessions) },
    ...(scope === 'all'
      ? [{ name: 'unitId', label: '承办单位', width: 200, options: namedChoices(ref.data?.units), search: true }]
      : []),
  ];
  const exportUrl = `/api/proposals/export.xlsx${qs({ ...query, page: undefined, pageSize: undefined })}`;
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        extra={
          <>
            {canWrite && (
              <Button type="primary" size="large" icon={<EditOutlined />} onClick={() => navigate('/proposals/new')}>
                撰写提案
              </Button>
            )}
            <ExportButton url={exportUrl} />
          </>
        }
      />
      {queues && (
        <Tabs
          label="工作队列"
          phone={!screens.md}
          value={queue}
          onChange={(v) => setParams({ queue: v })}
          options={queues}
        />
      )}
      {unitTabs && (
        <Tabs
          label="办理状态"
          phone={!screens.md}
          value={params.assignmentState}
          onChange={(v) => setParams({ assignmentState: v })}
          options={UNIT_TABS}
        />
      )}
      <Form
        form={form}
        layout="inline"
        onFinish={(v) =>
          setParams({
            q: v.q?.trim() ?? '',
            state: v.state ?? '',
            category: v.category ?? '',
            kind: v.kind ?? '',
            sessionId: v.sessionId ? String(v.sessionId) : '',
            unitId: v.unitId ? String(v.unitId) : '',
          })
        }
        style={{ rowGap: 12 }}
      >
        <FilterBar
          active={countActive(params.state, params.category, params.kind, params.sessionId, params.unitId)}
          search={
            <Flex gap={8}>
              <Form.Item name="q" label={screens.md ? '关键词' : undefined} style={{ margin: 0, flex: 1 }}>
                <Input
                  aria-label="关键词"
                  placeholder="案由、内容、提案人"
                  allowClear
                  style={{ width: screens.md ? 220 : '100%' }}
                />
              </Form.Item>
              {!screens.md && <Button type="primary" htmlType="submit" icon={<SearchOutlined />} aria-label="查询" />}
            </Flex>
          }
        >
          {filterSelects.map((f) => (
            <Form.Item key={f.name} name={f.name} label={f.label}>
              <Select
                allowClear
                showSearch={f.search}
                optionFilterProp={f.search ? 'label' : undefined}
                style={{ width: f.width }}
                placeholder="全部"
                options={f.options}
              />
            </Form.Item>
          ))}
          <Form.Item style={{ margin: 0 }}>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} block={!screens.md}>
              查询
            </Button>
          </Form.Item>
        </FilterBar>
      </Form>
      <ErrorAlert error={error} />
      <ResponsiveList<ListItem>
        locale={{ emptyText: <EmptyText text="暂无提案" /> }}
        columns={columns}
        {...pagedProps({ data, isFetching }, params, setParams)}
        unit="件"
        card={(r) => (
          <Card style={{ width: '100%' }} styles={{ body: { padding: 16 } }}>
            <Link to={`/proposals/${r.id}`} style={{ fontSize: 18, fontWeight: 600 }}>
              {r.title}
            </Link>
            <Flex wrap gap={8} style={{ marginTop: 8 }}>
              <Tag color={stateColor(r.state)}>{r.stateLabel}</Tag>
              {r.isKey && <Tag color={TAG.red}>重点提案</Tag>}
              {r.myAssignment && <Badge status="processing" text={`本单位：${r.myAssignment.stateLabel}`} />}
            </Flex>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {[r.numberLabel, r.proposers, r.category].filter(Boolean).join(' · ')}
              {r.dueAt ? ` · 期限 ${formatDate(r.dueAt)}${r.overdue ? '（超期）' : ''}` : ''}
            </Typography.Paragraph>
          </Card>
        )}
      />
    </>
  );
}

/** Work-queue tabs: buttons on a wide screen; on a phone one select (nine buttons would fill the first screen). */
function Tabs({
  label,
  phone,
  value,
  onChange,
  options,
}: {
  label: string;
  phone: boolean;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
}) {
  if (phone)
    return (
      <Select
        aria-label={label}
        value={value}
        onChange={onChange}
        options={options}
        style={{ width: '100%', marginBottom: 12 }}
        size="large"
      />
    );
  return (
    <Radio.Group
      aria-label={label}
      optionType="button"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={options}
      style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 16 }}
    />
  );
}
