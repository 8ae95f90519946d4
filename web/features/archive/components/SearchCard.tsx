// 文史资料检索: full-text search of the articles with period, place, theme, person and tag filters (in the URL);
// editors also pick the manuscripts of a state.
import { Button, Card, Form, Input, Segmented } from 'antd';
import {
  ErrorAlert,
  linkColumn,
  pagedProps,
  ResponsiveList,
  textColumns,
  useListParams,
} from '../../../components/index.ts';
import { ARTICLE_STATE_OPTIONS, type Article } from '../api.ts';
import { useArticles } from '../queries.ts';

/** The text filters in their order: parameter, label, placeholder (全文检索 only). */
const TEXT_FILTERS: [name: string, label: string, placeholder?: string][] = [
  ['q', '全文检索', '如：夜校、高考'],
  ['period', '时期'],
  ['place', '地点'],
  ['theme', '主题'],
  ['person', '人物'],
  ['tag', '标签'],
];

export function SearchCard({ editor }: { editor: boolean }) {
  const [params, setParams] = useListParams({
    q: '',
    period: '',
    place: '',
    theme: '',
    person: '',
    tag: '',
    state: '',
  });
  const filters = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== ''));
  const { data, error, isFetching } = useArticles(filters);
  return (
    <Card title="文史资料检索" style={{ marginBottom: 16 }}>
      <Form
        name="search"
        layout="vertical"
        initialValues={params}
        onFinish={(v) => setParams({ ...v, page: 1 })}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: 8 }}
      >
        {TEXT_FILTERS.map(([name, label, placeholder]) => (
          <Form.Item key={name} name={name} label={label} style={{ marginBottom: 0 }}>
            <Input allowClear placeholder={placeholder} />
          </Form.Item>
        ))}
        <Form.Item label=" " style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" size="large">
            检索
          </Button>
        </Form.Item>
      </Form>
      {editor && (
        <div style={{ overflowX: 'auto', margin: '12px 0' }}>
          <Segmented
            aria-label="按编辑状态查看"
            value={params.state}
            onChange={(v) => setParams({ state: String(v), page: 1 })}
            options={ARTICLE_STATE_OPTIONS}
          />
        </div>
      )}
      <ErrorAlert error={error} />
      <ResponsiveList<Article>
        unit="篇"
        locale={{
          emptyText: [params.q, params.period, params.place, params.theme, params.person, params.tag].some(Boolean)
            ? '没有符合条件的史料，请换个关键词或筛选条件'
            : '暂无史料',
        }}
        {...pagedProps({ data, isFetching }, params, setParams)}
        columns={[
          linkColumn('标题', 'title', (a) => `/archive/articles/${a.id}`),
          ...textColumns({ authorName: '作者', accountKindLabel: '类别', period: '时期', stateLabel: '状态' }),
          { title: '辑', dataIndex: 'volumeNumber', render: (n: number | null) => (n ? `第${n}辑` : '—') },
        ]}
      />
    </Card>
  );
}
