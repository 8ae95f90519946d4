// 新闻公告 (staff): the committee's news and notices for the public site — filters and pages in the URL, a dialog to
// write or edit (draft kept locally while typing), publish and take back; the public site shows published ones only.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { api, qs } from '../../api/client.ts';
import { formatDateTime } from '../../app/format.ts';
import {
  ConfirmButton,
  countActive,
  DataTable,
  ErrorAlert,
  FilterBar,
  PageHeader,
  useFormDraft,
  useListParams,
} from '../../components/index.ts';

export interface News {
  id: number;
  kind: 'news' | 'notice';
  kindLabel: string;
  title: string;
  body: string;
  state: 'draft' | 'published';
  stateLabel: string;
  publishedAt: string | null;
  updatedAt: string;
}

const KINDS = [
  { value: 'news', label: '新闻' },
  { value: 'notice', label: '通知公告' },
];

function Editor({ editing, onClose }: { editing: News | 'new' | null; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const id = editing === 'new' ? 'new' : editing?.id;
  const draft = useFormDraft(form, editing ? `public-news:${id}` : null);
  const save = useMutation({
    mutationFn: (v: object) =>
      editing === 'new' ? api.post('/api/public-site/news', v) : api.put(`/api/public-site/news/${id}`, v),
    onSuccess: () => {
      message.success('已保存');
      draft.clear();
      qc.invalidateQueries({ queryKey: ['public-site'] });
      onClose();
    },
  });
  return (
    <Modal
      open={!!editing}
      title={editing === 'new' ? '新建新闻公告' : '修改新闻公告'}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={editing && editing !== 'new' ? editing : { kind: 'news' }}
        onValuesChange={draft.onValuesChange}
        onFinish={(v) => save.mutate({ kind: v.kind, title: v.title, body: v.body })}
      >
        {draft.notice}
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Select options={KINDS} />
        </Form.Item>
        <Form.Item
          name="title"
          label="标题"
          rules={[
            { required: true, message: '请填写标题' },
            { max: 100, message: '标题不能超过 100 个字' },
          ]}
        >
          <Input count={{ show: true, max: 100 }} />
        </Form.Item>
        <Form.Item
          name="body"
          label="正文"
          rules={[
            { required: true, message: '请填写正文' },
            { max: 20000, message: '正文不能超过 20000 个字' },
          ]}
        >
          <Input.TextArea rows={10} count={{ show: true, max: 20000 }} />
        </Form.Item>
        <ErrorAlert error={save.error} />
      </Form>
    </Modal>
  );
}

export function NewsPage() {
  const [p, setP, reset] = useListParams({ kind: '', state: '', q: '' });
  const [editing, setEditing] = useState<News | 'new' | null>(null);
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['public-site', 'news', p],
    queryFn: () =>
      api.get<{ items: News[]; total: number }>(
        `/api/public-site/news${qs({ kind: p.kind || undefined, state: p.state || undefined, q: p.q || undefined, page: p.page, pageSize: p.pageSize })}`,
      ),
  });
  const act = useMutation({
    mutationFn: ({ id, what }: { id: number; what: 'publish' | 'unpublish' }) =>
      api.post(`/api/public-site/news/${id}/${what}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['public-site'] }),
  });
  return (
    <>
      <PageHeader
        title="新闻公告"
        description="在政协门户网站（公众无需登录即可查看）发布的新闻和通知公告。"
        extra={
          <Button type="primary" onClick={() => setEditing('new')}>
            新建
          </Button>
        }
      />
      <FilterBar
        active={countActive(p.kind, p.state)}
        search={
          <Input.Search
            aria-label="搜索标题或正文"
            placeholder="搜索标题或正文"
            allowClear
            defaultValue={p.q}
            onSearch={(q) => setP({ q })}
            style={{ width: 240 }}
          />
        }
      >
        <Select
          aria-label="类别"
          placeholder="类别"
          allowClear
          style={{ width: 140 }}
          value={p.kind || undefined}
          options={KINDS}
          onChange={(kind) => setP({ kind: kind ?? '' })}
        />
        <Select
          aria-label="状态"
          placeholder="状态"
          allowClear
          style={{ width: 140 }}
          value={p.state || undefined}
          options={[
            { value: 'draft', label: '草稿' },
            { value: 'published', label: '已发布' },
          ]}
          onChange={(state) => setP({ state: state ?? '' })}
        />
        <Button onClick={reset}>清除</Button>
      </FilterBar>
      <ErrorAlert error={list.error ?? act.error} />
      <DataTable<News>
        data={list.data}
        loading={list.isLoading}
        page={p.page}
        pageSize={p.pageSize}
        onPageChange={(page, pageSize) => setP({ page, pageSize })}
        columns={[
          { title: '标题', dataIndex: 'title' },
          { title: '类别', dataIndex: 'kindLabel' },
          {
            title: '状态',
            dataIndex: 'stateLabel',
            render: (v, n) => <Tag color={n.state === 'published' ? 'green' : undefined}>{v}</Tag>,
          },
          { title: '发布时间', dataIndex: 'publishedAt', render: (v) => (v ? formatDateTime(v) : '—') },
          {
            title: '操作',
            key: 'actions',
            render: (_, n) => (
              <Space wrap>
                <Button size="small" onClick={() => setEditing(n)}>
                  修改
                </Button>
                {n.state === 'draft' ? (
                  <Button
                    size="small"
                    type="primary"
                    disabled={act.isPending}
                    onClick={() => act.mutate({ id: n.id, what: 'publish' })}
                  >
                    发布
                  </Button>
                ) : (
                  <ConfirmButton
                    size="small"
                    confirm="从门户网站撤回？"
                    onConfirm={() => act.mutateAsync({ id: n.id, what: 'unpublish' })}
                  >
                    撤回
                  </ConfirmButton>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Editor editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}
