// 信息筛选 (liaison office, leaders): every report that reached the office — the screening queue first — with search,
// filters kept in the URL (state, category, year, submitter kind, adoption level, from the lower committee), paging
// and Excel export of what is shown.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Form, Input, Row, Segmented, Select, type SelectProps, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { api, qs } from '../../../api/client.ts';
import { beijingYear, formatDate } from '../../../app/format.ts';
import {
  choices,
  ExportButton,
  FieldCol,
  PageHeader,
  pagedProps,
  SearchResetButtons,
  TableCard,
  useListParams,
} from '../../../components/index.ts';
import { LEVELS, type ListItem, SUBMITTER_KINDS, useOpinionSettings } from '../api.ts';
import { opinionKeys } from '../queries.ts';
import { OutcomeTags, StateTag } from './MyOpinionsPage.tsx';

const FILTERS = {
  q: '',
  state: 'submitted',
  category: '',
  year: '',
  submitterKind: '',
  adoptedLevel: '',
  instructedLevel: '',
  referred: '',
  fromLower: '',
};

const TABS = choices({
  submitted: '待筛选',
  accepted: '待编报',
  compiled: '已编报',
  returned: '退回修改',
  declined: '不予编报',
  all: '全部',
});

const options = (o: Record<string, string>, all: string) => [{ value: '', label: all }, ...choices(o)];

/** One select of the filter form: a narrow column with its label. */
function FilterSelect({ label, name, options }: { label: string; name: string; options: SelectProps['options'] }) {
  return (
    <FieldCol xs={12} md={6} lg={4} label={label} name={name}>
      <Select options={options} />
    </FieldCol>
  );
}

export function QueuePage() {
  const [params, setParams, reset] = useListParams(FILTERS);
  const [form] = Form.useForm();
  const settings = useOpinionSettings();
  const apiParams = { ...params, state: params.state === 'all' ? '' : params.state };
  const { data, error, isFetching } = useQuery({
    queryKey: opinionKeys.list(apiParams),
    queryFn: () => api.get<{ items: ListItem[]; total: number }>(`/api/opinions${qs(apiParams)}`),
    placeholderData: keepPreviousData,
  });
  useEffect(() => {
    form.setFieldsValue({ ...params, state: undefined });
  }, [form, params]);
  const thisYear = beijingYear();
  const { page: _p, pageSize: _s, ...exportParams } = apiParams;

  return (
    <>
      <PageHeader
        title="社情民意信息筛选"
        description="收到的信息先在“待筛选”中处理：采编留用、退回修改或不予编报。来自下级政协的信息带有标记。"
        extra={<ExportButton url={`/api/opinions/export${qs(exportParams)}`} />}
      />
      <Segmented
        aria-label="按状态查看"
        style={{ marginBottom: 16, maxWidth: '100%', overflowX: 'auto' }}
        value={params.state || 'all'}
        onChange={(v) => setParams({ state: String(v) })}
        options={TABS}
      />
      <Card style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={(v) => setParams({ ...v, state: params.state })}>
          <Row gutter={16}>
            <FieldCol md={12} lg={8} label="关键词" name="q">
              <Input placeholder="标题、正文或报送人" allowClear />
            </FieldCol>
            <FilterSelect
              label="类别"
              name="category"
              options={[
                { value: '', label: '全部类别' },
                ...(settings.data?.categories ?? []).map((c) => ({ value: c, label: c })),
              ]}
            />
            <FilterSelect
              label="年度"
              name="year"
              options={[
                { value: '', label: '全部年度' },
                ...[0, 1, 2, 3].map((d) => ({ value: String(thisYear - d), label: `${thisYear - d}年` })),
              ]}
            />
            <FilterSelect label="报送人类别" name="submitterKind" options={options(SUBMITTER_KINDS, '全部')} />
            <FilterSelect label="采用级别" name="adoptedLevel" options={options(LEVELS, '不限')} />
            <FilterSelect label="批示级别" name="instructedLevel" options={options(LEVELS, '不限')} />
            <FilterSelect
              label="转办"
              name="referred"
              options={choices({ '': '不限', true: '已转办单位', false: '未转办' })}
            />
            <FilterSelect
              label="来源"
              name="fromLower"
              options={choices({ '': '全部来源', true: '来自下级政协', false: '本级报送' })}
            />
          </Row>
          <SearchResetButtons form={form} reset={reset} />
        </Form>
      </Card>
      <TableCard<ListItem>
        error={error}
        {...pagedProps({ data, isFetching }, params, setParams)}
        columns={[
          {
            title: '标题',
            dataIndex: 'title',
            render: (v: string, r) => (
              <div style={{ minWidth: 220, maxWidth: 420 }}>
                <Link to={`/opinions/${r.id}`} style={{ fontWeight: 600 }}>
                  {v}
                </Link>
                <div>
                  <OutcomeTags item={r} />
                </div>
              </div>
            ),
          },
          {
            title: '状态',
            dataIndex: 'state',
            render: (s: string, r) => <StateTag state={s} label={r.stateLabel} />,
          },
          { title: '类别', dataIndex: 'category' },
          {
            title: '报送人',
            dataIndex: 'submitterName',
            render: (v: string, r) => (
              <>
                {v}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                  {r.originCommitteeName ? '来自下级政协' : r.submitterKindLabel}
                </Typography.Text>
              </>
            ),
          },
          { title: '报送日期', dataIndex: 'submittedAt', render: (v: string) => formatDate(v) },
          { title: '字数', dataIndex: 'charCount' },
          { title: '期刊', dataIndex: 'issueTitle', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
