// 数字文史: search the articles (full text, with period, place, theme, person and tag filters), the published volumes,
// the open collection topics; editors also pick the manuscripts of a state and create topics and volumes.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, InputNumber, List, Segmented, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api, qs } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert, PageHeader, ResponsiveList, useFormDraft, useListParams } from '../../components/index.ts';
import { TAG } from '../../components/tagColors.ts';
import { ARTICLE_STATE_OPTIONS, type Article, type Topic, type Volume } from './api.ts';

function SearchCard({ editor }: { editor: boolean }) {
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
  const { data, error, isFetching } = useQuery({
    queryKey: ['archive', 'articles', filters],
    queryFn: () => api.get<{ items: Article[]; total: number }>(`/api/archive/articles${qs(filters)}`),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title="文史资料检索" style={{ marginBottom: 16 }}>
      <Form
        name="search"
        layout="vertical"
        initialValues={params}
        onFinish={(v) => setParams({ ...v, page: 1 })}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: 8 }}
      >
        <Form.Item name="q" label="全文检索" style={{ marginBottom: 0 }}>
          <Input allowClear placeholder="如：夜校、高考" />
        </Form.Item>
        <Form.Item name="period" label="时期" style={{ marginBottom: 0 }}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="place" label="地点" style={{ marginBottom: 0 }}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="theme" label="主题" style={{ marginBottom: 0 }}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="person" label="人物" style={{ marginBottom: 0 }}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="tag" label="标签" style={{ marginBottom: 0 }}>
          <Input allowClear />
        </Form.Item>
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
        data={data}
        loading={isFetching}
        page={params.page}
        pageSize={params.pageSize}
        onPageChange={(page, pageSize) => setParams({ page, pageSize })}
        columns={[
          {
            title: '标题',
            dataIndex: 'title',
            render: (t: string, a) => <Link to={`/archive/articles/${a.id}`}>{t}</Link>,
          },
          { title: '作者', dataIndex: 'authorName' },
          { title: '类别', dataIndex: 'accountKindLabel' },
          { title: '时期', dataIndex: 'period' },
          { title: '状态', dataIndex: 'stateLabel' },
          { title: '辑', dataIndex: 'volumeNumber', render: (n: number | null) => (n ? `第${n}辑` : '—') },
        ]}
      />
    </Card>
  );
}

function VolumesCard({ editor }: { editor: boolean }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { data, error } = useQuery({
    queryKey: ['archive', 'volumes'],
    queryFn: () => api.get<Volume[]>('/api/archive/volumes'),
  });
  const create = useMutation({
    mutationFn: (v: { number: number; title: string }) => api.post('/api/archive/volumes', v),
    onSuccess: () => {
      message.success('已新建');
      queryClient.invalidateQueries({ queryKey: ['archive'] });
    },
  });
  return (
    <Card title="文史资料辑" style={{ marginBottom: 16 }}>
      <ErrorAlert error={error ?? create.error} />
      <List
        dataSource={data ?? []}
        locale={{ emptyText: '暂无已出版的辑' }}
        renderItem={(v) => (
          <List.Item>
            <Link to={`/archive/volumes/${v.id}`} style={{ fontSize: 17 }}>
              第{v.number}辑 · {v.title}
            </Link>
            <span>
              <Tag color={v.state === 'published' ? TAG.green : 'default'}>{v.stateLabel}</Tag>
              {v.articles} 篇
            </span>
          </List.Item>
        )}
      />
      {editor && (
        <Form name="volume" layout="inline" onFinish={(v) => create.mutate(v)} style={{ marginTop: 12, rowGap: 8 }}>
          <Form.Item name="number" rules={[{ required: true, message: '请填写辑号' }]}>
            <InputNumber aria-label="辑号" placeholder="辑号" min={1} />
          </Form.Item>
          <Form.Item name="title" rules={[{ required: true, message: '请填写书名' }]}>
            <Input aria-label="书名" placeholder="书名" />
          </Form.Item>
          <Button htmlType="submit" loading={create.isPending}>
            新建一辑
          </Button>
        </Form>
      )}
    </Card>
  );
}

function TopicsCard({ editor }: { editor: boolean }) {
  const queryClient = useQueryClient();
  const { data, error } = useQuery({
    queryKey: ['archive', 'topics'],
    queryFn: () => api.get<Topic[]>('/api/archive/topics'),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['archive', 'topics'] });
  const [form] = Form.useForm();
  // The call for accounts is a paragraph: kept on this device until the topic is saved.
  const draft = useFormDraft(form, 'archive-topic:new', { ready: editor });
  const create = useMutation({
    mutationFn: (v: { title: string; description?: string; period?: string }) => api.post('/api/archive/topics', v),
    onSuccess: () => {
      draft.clear();
      form.resetFields();
      refresh();
    },
  });
  const fire = useMutation({
    mutationFn: ({ id, action }: { id: number; action: string }) =>
      api.post(`/api/archive/topics/${id}/actions`, { action }),
    onSuccess: refresh,
  });
  return (
    <Card title="征集选题">
      <ErrorAlert error={error ?? create.error ?? fire.error} />
      <List
        dataSource={data ?? []}
        locale={{ emptyText: '暂无征集选题' }}
        renderItem={(t) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Typography.Text strong>{t.title}</Typography.Text> <Tag>{t.stateLabel}</Tag>
              {t.description && <div>{t.description}</div>}
              <Flex gap={8} wrap style={{ marginTop: 4 }}>
                {t.actions.map((a) => (
                  <Button key={a.action} onClick={() => fire.mutate({ id: t.id, action: a.action })}>
                    {a.label}
                  </Button>
                ))}
              </Flex>
            </div>
          </List.Item>
        )}
      />
      {editor && (
        <Form
          form={form}
          name="topic"
          layout="vertical"
          onValuesChange={draft.onValuesChange}
          onFinish={(v) => create.mutate(v)}
          style={{ marginTop: 12 }}
        >
          {draft.notice}
          <Form.Item name="title" label="选题名称" rules={[{ required: true, message: '请填写选题名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="description"
            label="征集说明"
            rules={[{ max: 5000, message: '「征集说明」不能超过 5000 字' }]}
          >
            <Input.TextArea rows={2} count={{ show: true, max: 5000 }} />
          </Form.Item>
          <Button htmlType="submit" loading={create.isPending}>
            新建选题
          </Button>
        </Form>
      )}
    </Card>
  );
}

export function ArchivePage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const editor = can('archive.edit');
  return (
    <>
      <PageHeader
        title="数字文史"
        description="三亲史料征集、编辑出版和文史资料检索。"
        extra={
          <Flex gap={8} wrap>
            <Button size="large" onClick={() => navigate('/archive/villages')}>
              村史编纂
            </Button>
            {can('archive.submit') && (
              <Button type="primary" size="large" onClick={() => navigate('/archive/submit')}>
                提交三亲史料
              </Button>
            )}
          </Flex>
        }
      />
      <SearchCard editor={editor} />
      <VolumesCard editor={editor} />
      <TopicsCard editor={editor} />
    </>
  );
}
