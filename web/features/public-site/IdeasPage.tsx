// 提案线索: staff see the ideas the public sent from the public site and hand one to a member; the member sees those
// handed to them (我的提案线索) and turns one into a proposal draft — the text is left as the draft of 撰写提案, no retyping.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, List, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, qs } from '../../api/client.ts';
import { formatDateTime } from '../../app/format.ts';
import { useSession } from '../../app/session.tsx';
import { DataTable, draftKey, ErrorAlert, PageHeader, useFormDraft, useListParams } from '../../components/index.ts';
import { MemberSelect } from '../meetings/shared.tsx';

interface Idea {
  id: number;
  title: string;
  body: string;
  state: 'new' | 'handed';
  stateLabel: string;
  memberName: string | null;
  note: string;
  createdAt: string;
  handedAt: string | null;
}

function HandDialog({ idea, onClose }: { idea: Idea | null; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const draft = useFormDraft(form, idea ? `public-idea-hand:${idea.id}` : null);
  const hand = useMutation({
    mutationFn: (v: object) => api.post(`/api/public-site/ideas/${idea?.id}/hand`, v),
    onSuccess: () => {
      message.success('已交给委员');
      draft.clear();
      qc.invalidateQueries({ queryKey: ['public-site'] });
      onClose();
    },
  });
  return (
    <Modal
      open={!!idea}
      title="交给委员"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="交给委员"
      confirmLoading={hand.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph strong>{idea?.title}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onValuesChange={draft.onValuesChange}
        onFinish={(v) => hand.mutate(v)}
      >
        {draft.notice}
        <Form.Item name="memberId" label="委员" rules={[{ required: true, message: '请选择委员' }]}>
          <MemberSelect />
        </Form.Item>
        <Form.Item name="note" label="交办说明" rules={[{ max: 500, message: '交办说明不能超过 500 个字' }]}>
          <Input.TextArea rows={3} count={{ show: true, max: 500 }} />
        </Form.Item>
        <ErrorAlert error={hand.error} />
      </Form>
    </Modal>
  );
}

export function IdeasPage() {
  const [p, setP] = useListParams({ state: '' });
  const [handing, setHanding] = useState<Idea | null>(null);
  const list = useQuery({
    queryKey: ['public-site', 'ideas', p],
    queryFn: () =>
      api.get<{ items: Idea[]; total: number }>(
        `/api/public-site/ideas${qs({ state: p.state || undefined, page: p.page, pageSize: p.pageSize })}`,
      ),
  });
  return (
    <>
      <PageHeader title="提案线索" description="群众在门户网站提交的提案线索，可交给委员研究形成提案。" />
      <Select
        aria-label="状态"
        placeholder="状态"
        allowClear
        style={{ width: 160, marginBottom: 16 }}
        value={p.state || undefined}
        options={[
          { value: 'new', label: '待交办' },
          { value: 'handed', label: '已交委员' },
        ]}
        onChange={(state) => setP({ state: state ?? '' })}
      />
      <ErrorAlert error={list.error} />
      <DataTable<Idea>
        data={list.data}
        loading={list.isLoading}
        page={p.page}
        pageSize={p.pageSize}
        onPageChange={(page, pageSize) => setP({ page, pageSize })}
        expandable={{
          expandedRowRender: (i) => (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{i.body}</Typography.Paragraph>
          ),
        }}
        columns={[
          { title: '标题', dataIndex: 'title' },
          { title: '提交时间', dataIndex: 'createdAt', render: (v) => formatDateTime(v) },
          {
            title: '状态',
            dataIndex: 'stateLabel',
            render: (v, i) => <Tag color={i.state === 'new' ? 'orange' : 'green'}>{v}</Tag>,
          },
          { title: '委员', dataIndex: 'memberName', render: (v) => v ?? '—' },
          {
            title: '操作',
            key: 'a',
            render: (_, i) => (
              <Button size="small" onClick={() => setHanding(i)}>
                {i.state === 'new' ? '交给委员' : '改交'}
              </Button>
            ),
          },
        ]}
      />
      <HandDialog idea={handing} onClose={() => setHanding(null)} />
    </>
  );
}

export function MyIdeasPage() {
  const { me } = useSession();
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: ['public-site', 'ideas', 'mine'],
    queryFn: () => api.get<{ items: Idea[] }>('/api/public-site/ideas/mine'),
  });
  /** Leaves the idea as the draft of a new proposal (offered by that form's 恢复这些内容) and opens the form. */
  const turnInto = (i: Idea) => {
    const key = draftKey(me, 'proposal:new');
    const values = { title: `关于${i.title.slice(0, 30)}的建议`, background: `群众反映：${i.body}` };
    if (key) localStorage.setItem(key, JSON.stringify({ values, savedAt: new Date().toISOString() }));
    navigate('/proposals/new');
  };
  return (
    <>
      <PageHeader title="我的提案线索" description="政协办公室转来的群众提案线索。" />
      <ErrorAlert error={list.error} />
      <Card>
        <List
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Typography.Text>暂无转来的提案线索</Typography.Text> }}
          renderItem={(i) => (
            <List.Item>
              <div style={{ minWidth: 0, width: '100%' }}>
                <Typography.Text strong>{i.title}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                  {i.body}
                </Typography.Paragraph>
                {i.note && <Typography.Paragraph type="secondary">交办说明：{i.note}</Typography.Paragraph>}
                <Button type="primary" onClick={() => turnInto(i)}>
                  写成提案
                </Button>
              </div>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
