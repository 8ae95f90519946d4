// 我的联系 (phone first): the relationships the member keeps (and is kept in), overdue ones first; a contact logged in
// a few taps (how, what was raised, what followed — today by default); what was raised turned into an opinion report,
// a proposal or a micro suggestion (微建议, to a studio the member picks) without retyping (the draft waits in that
// form, offered by its 恢复这些内容).

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, List, Modal, Radio, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import { DraftForm } from '../../../components/DraftForm.tsx';
import { choices, draftKey, ErrorAlert, maxChars, PageHeader, useFormDraft } from '../../../components/index.ts';
import { grassrootsKeys } from '../../grassroots/queries.ts';
import type { Link } from '../api.ts';
import { liaisonKeys, useMyLinks } from '../queries.ts';

const METHODS = choices({ visit: '走访', phone: '电话', meeting: '座谈', online: '网上', other: '其他' });

export function MyContactsPage() {
  const { me } = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const links = useMyLinks();
  const [logging, setLogging] = useState<Link | null>(null);
  const [form] = Form.useForm();
  const draft = useFormDraft(form, logging ? `liaison-contact:${logging.id}` : null);
  const [saved, setSaved] = useState<{ raised: string; target: string } | null>(null);
  const log = useMutation({
    mutationFn: (v: { method: string; raised?: string; followup?: string }) =>
      api.post(`/api/liaison/links/${logging!.id}/contacts`, v),
    onSuccess: (_r, v) => {
      message.success('联系记录已保存');
      draft.clear();
      qc.invalidateQueries({ queryKey: liaisonKeys.all });
      if (v.raised?.trim()) setSaved({ raised: v.raised.trim(), target: logging!.target ?? '' });
      setLogging(null);
      form.resetFields();
    },
  });
  // A micro suggestion goes to one studio: the member picks it (their own studio first), and its page holds the form.
  const [studioId, setStudioId] = useState<number | null>(null);
  const [choosingStudio, setChoosingStudio] = useState(false);
  const studios = useQuery({
    queryKey: grassrootsKeys.studioList({ pageSize: 100 }),
    queryFn: () =>
      api.get<{ items: { id: number; name: string; leaderMemberId: number | null }[] }>(
        '/api/grassroots/studios?pageSize=100',
      ),
    enabled: choosingStudio,
  });
  /** Leaves the raised matter as the draft of a new opinion report, proposal or micro suggestion and opens that form. */
  const turnInto = (kind: 'opinion' | 'proposal' | 'suggestion') => {
    if (!saved || (kind === 'suggestion' && !studioId)) return;
    const key = draftKey(me, kind === 'suggestion' ? `grassroots-suggestion:${studioId}` : `${kind}:new`);
    const title = `关于${saved.raised.slice(0, 20)}的建议`;
    const told = `联系${saved.target}时了解到：${saved.raised}`;
    const values = kind === 'proposal' ? { title, background: told } : { title, body: told };
    if (key) localStorage.setItem(key, JSON.stringify({ values, savedAt: new Date().toISOString() }));
    navigate(
      kind === 'opinion' ? '/opinions/new' : kind === 'proposal' ? '/proposals/new' : `/grassroots/studios/${studioId}`,
    );
  };
  return (
    <>
      <PageHeader title="我的联系" description="按联系制度要求的频次联系委员和群众，随手记下联系情况。" />
      <ErrorAlert error={links.error} />
      {saved && (
        <Card style={{ marginBottom: 12 }} title="把反映的问题转为">
          <Typography.Paragraph>{saved.raised}</Typography.Paragraph>
          <Flex gap={8} wrap>
            <Button type="primary" size="large" onClick={() => turnInto('opinion')}>
              社情民意信息
            </Button>
            <Button size="large" onClick={() => turnInto('proposal')}>
              提案
            </Button>
            <Button size="large" onClick={() => setChoosingStudio(true)}>
              微建议
            </Button>
            <Button size="large" onClick={() => setSaved(null)}>
              不用了
            </Button>
          </Flex>
        </Card>
      )}
      <List
        dataSource={links.data?.items ?? []}
        loading={links.isLoading}
        locale={{ emptyText: '暂无联系对象' }}
        renderItem={(l) => (
          <List.Item style={{ display: 'block', padding: 0, border: 'none' }}>
            <Card style={{ marginBottom: 12 }}>
              <Flex justify="space-between" align="start" gap={8} wrap>
                <div>
                  <Typography.Text strong style={{ fontSize: '1.15em' }}>
                    {l.ownerMemberId === me?.account.memberId ? l.target : l.owner}
                  </Typography.Text>
                  <div>
                    <Tag>{l.schemeLabel}</Tag>
                    {l.overdue && <Tag color="red">已超期</Tag>}
                  </div>
                  <Typography.Text type="secondary">
                    每 {l.frequencyDays} 天至少联系一次 · 上次 {l.lastContactedOn ?? '尚未联系'} · 应于 {l.dueOn} 前联系
                  </Typography.Text>
                </div>
                <Button type="primary" size="large" onClick={() => setLogging(l)}>
                  记一次联系
                </Button>
              </Flex>
            </Card>
          </List.Item>
        )}
      />
      <Modal
        open={choosingStudio}
        title="提交给哪个委员工作室"
        okText="去填写微建议"
        okButtonProps={{ disabled: !studioId }}
        onOk={() => turnInto('suggestion')}
        onCancel={() => setChoosingStudio(false)}
      >
        <ErrorAlert error={studios.error} />
        <Select
          style={{ width: '100%' }}
          size="large"
          placeholder="选择委员工作室"
          aria-label="委员工作室"
          loading={studios.isLoading}
          value={studioId ?? undefined}
          onChange={setStudioId}
          options={[...(studios.data?.items ?? [])]
            .sort(
              (a, b) =>
                Number(b.leaderMemberId === me?.account.memberId) - Number(a.leaderMemberId === me?.account.memberId),
            )
            .map((st) => ({ value: st.id, label: st.name }))}
        />
      </Modal>
      <Modal
        open={!!logging}
        title={`记录联系：${logging?.target ?? ''}`}
        footer={null}
        onCancel={() => setLogging(null)}
        destroyOnHidden
      >
        <DraftForm
          form={form}
          draft={draft}
          error={log.error}
          initialValues={{ method: 'visit' }}
          onFinish={log.mutate}
        >
          <Form.Item name="method" label="联系方式">
            <Radio.Group optionType="button" buttonStyle="solid" options={METHODS} />
          </Form.Item>
          <Form.Item name="raised" label="反映的问题" rules={maxChars('反映的问题', 2000)}>
            <Input.TextArea rows={3} count={{ show: true, max: 2000 }} />
          </Form.Item>
          <Form.Item name="followup" label="后续处理" rules={maxChars('后续处理', 2000)}>
            <Input.TextArea rows={2} count={{ show: true, max: 2000 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={log.isPending}>
            保存
          </Button>
        </DraftForm>
      </Modal>
    </>
  );
}
