// 撰写提案 / 修改提案: title, category, background, suggestions, suggested units, co-signers (joint), attachments;
// save as draft or submit. While writing, the most similar existing proposals are shown with their score and a link.
import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Progress,
  Radio,
  Row,
  Select,
  Spin,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api, qs } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import {
  ErrorAlert,
  errorMessage,
  namedChoices,
  PageHeader,
  textRules,
  useDebounced,
  useFormDraft,
} from '../../../components/index.ts';
import { type Similar, useProposal, useReference, useRules } from '../api.ts';
import { proposalKeys } from '../queries.ts';

interface Values {
  kind: 'individual' | 'joint' | 'collective';
  title: string;
  category?: string;
  background?: string;
  suggestions?: string;
  suggestedUnitIds?: number[];
  cosignerIds?: number[];
}

export function ProposalFormPage() {
  const { id: idParam } = useParams();
  const id = idParam ? Number(idParam) : null;
  const editing = id != null;
  const { me } = useSession();
  const isOrg = !!me?.account.roles.includes('orgAccount');
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const ref = useReference();
  const existing = useProposal(id ?? 0);
  const [files, setFiles] = useState<{ id: number; name: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [memberQ, setMemberQ] = useState('');
  const debouncedQ = useDebounced(memberQ, 300);
  const title = Form.useWatch('title', form) ?? '';
  const background = Form.useWatch('background', form) ?? '';
  const kind = Form.useWatch('kind', form);
  const similarInput = useDebounced(`${title}\n${background}`, 600);
  // Kept on this device as typed, offered back after a reload or an expired session.
  const draft = useFormDraft(form, `proposal:${id ?? 'new'}`, { ready: !editing || !!existing.data });

  const members = useQuery({
    queryKey: proposalKeys.members(debouncedQ),
    meta: { background: true },
    queryFn: () =>
      api.get<{ items: { id: number; name: string; sector: string | null; workUnit: string | null }[] }>(
        `/api/proposals/members${qs({ q: debouncedQ, limit: 30 })}`,
      ),
    enabled: kind === 'joint',
  });
  const similar = useQuery({
    queryKey: proposalKeys.similar(similarInput, id),
    meta: { background: true },
    queryFn: () => {
      const [t, ...rest] = similarInput.split('\n');
      return api.post<{ items: Similar[] }>('/api/proposals/similar', {
        title: t.trim(),
        text: rest.join('\n').slice(0, 4000),
        excludeId: id ?? undefined,
      });
    },
    enabled: similarInput.split('\n')[0].trim().length >= 4,
  });

  useEffect(() => {
    const d = existing.data;
    if (!d) return;
    form.setFieldsValue({
      kind: d.kind as Values['kind'],
      title: d.title,
      category: d.category ?? undefined,
      background: d.background,
      suggestions: d.suggestions,
      suggestedUnitIds: d.suggestedUnits.map((u) => u.id),
      cosignerIds: d.proposers.filter((p) => !p.isLead).map((p) => p.memberId),
    });
    setFiles(d.files.map((f) => ({ id: f.id, name: f.name })));
  }, [existing.data, form]);

  const memberOptions = useMemo(() => {
    const known = new Map<number, string>();
    for (const p of existing.data?.proposers ?? []) if (!p.isLead) known.set(p.memberId, p.name);
    for (const m of members.data?.items ?? [])
      known.set(m.id, `${m.name}（${[m.sector, m.workUnit].filter(Boolean).join('，')}）`);
    return [...known].map(([value, label]) => ({ value, label }));
  }, [members.data, existing.data]);

  const save = async (submit: boolean) => {
    let values: Values;
    try {
      // A draft needs only its title (the server's rule); everything else is checked on submit.
      await form.validateFields(submit ? undefined : ['title']);
      values = form.getFieldsValue();
    } catch {
      return;
    }
    const body = {
      ...values,
      cosignerIds: values.kind === 'joint' ? (values.cosignerIds ?? []) : undefined,
      fileIds: files.map((f) => f.id),
      submit,
    };
    setBusy(true);
    try {
      const res = editing
        ? await api.put<{ id: number; stateLabel: string }>(`/api/proposals/${id}`, {
            ...body,
            cosignerIds: existing.data?.state === 'returned' ? undefined : body.cosignerIds,
          })
        : await api.post<{ id: number; stateLabel: string }>('/api/proposals', body);
      draft.clear();
      await client.invalidateQueries({ queryKey: proposalKeys.all });
      message.success(submit ? `已提交，当前状态：${res.stateLabel}` : '草稿已保存');
      navigate(`/proposals/${res.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.field) {
        form.setFields([{ name: err.field as keyof Values, errors: [err.message] }]);
      }
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (editing && existing.isLoading) return <Spin size="large" />;
  const max = rules.data?.titleMaxLength ?? 50;
  return (
    <>
      <PageHeader
        title={editing ? '修改提案' : '撰写提案'}
        back
        description="一事一案。案由简明扼要，案据写清情况和分析，建议具体可行。"
      />
      <ErrorAlert error={existing.error} />
      {draft.notice}
      {existing.data?.state === 'returned' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="提案被退回修改"
          description={existing.data.timeline.filter((e) => e.action === 'returnForRevision').at(-1)?.comment}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card>
            <Form<Values>
              form={form}
              layout="vertical"
              size="large"
              initialValues={{ kind: isOrg ? 'collective' : 'individual' }}
              onValuesChange={draft.onValuesChange}
            >
              <Form.Item name="kind" label="提案形式" rules={[{ required: true }]}>
                <Radio.Group disabled={editing && existing.data?.state !== 'draft'}>
                  {isOrg ? (
                    <Radio.Button value="collective">集体提案</Radio.Button>
                  ) : (
                    <>
                      <Radio.Button value="individual">个人提案</Radio.Button>
                      <Radio.Button value="joint">联名提案</Radio.Button>
                    </>
                  )}
                </Radio.Group>
              </Form.Item>
              <Form.Item
                name="title"
                label="案由（标题）"
                rules={textRules('案由', max, { unit: '个字', trim: true, quote: 'none' })}
              >
                <Input count={{ show: true, max }} placeholder="例如：关于加快发展社区居家养老服务的建议" />
              </Form.Item>
              <SimilarBesideTitle items={similar.data?.items ?? []} />
              <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
                <Select
                  placeholder="请选择"
                  options={(rules.data?.categories ?? []).map((c) => ({ value: c, label: c }))}
                />
              </Form.Item>
              <Form.Item
                name="background"
                label="案据（情况与分析）"
                rules={textRules('案据', 20000, { unit: '个字', trim: true, quote: 'none' })}
              >
                <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} count={{ max: 20000 }} />
              </Form.Item>
              <Form.Item
                name="suggestions"
                label="建议"
                rules={textRules('建议', 20000, { unit: '个字', trim: true, quote: 'none' })}
              >
                <Input.TextArea autoSize={{ minRows: 5, maxRows: 20 }} count={{ max: 20000 }} />
              </Form.Item>
              <Form.Item name="suggestedUnitIds" label="建议承办单位（可多选）">
                <Select
                  mode="multiple"
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  placeholder="可不填，由提案委交办"
                  options={namedChoices(ref.data?.units)}
                />
              </Form.Item>
              {kind === 'joint' && (
                <Form.Item
                  name="cosignerIds"
                  label="附议委员"
                  extra="被邀请的委员在平台上确认附议后，提案才作为联名提案提交。"
                  rules={[{ required: true, type: 'array', min: 1, message: '请至少邀请一位附议委员' }]}
                >
                  <Select
                    mode="multiple"
                    showSearch
                    filterOption={false}
                    onSearch={setMemberQ}
                    loading={members.isFetching}
                    placeholder="输入姓名、单位或界别查找"
                    options={memberOptions}
                    disabled={existing.data?.state === 'returned'}
                  />
                </Form.Item>
              )}
              <Form.Item label="附件" extra="支持 pdf、doc、docx、xls、xlsx、jpg、png">
                <Upload
                  fileList={files.map((f) => ({ uid: String(f.id), name: f.name, status: 'done' as const }))}
                  onRemove={(f) => setFiles((list) => list.filter((x) => String(x.id) !== f.uid))}
                  customRequest={async ({ file, onSuccess, onError }) => {
                    try {
                      const res = await api.upload<{ id: number; name: string }>('/api/files', file as File);
                      setFiles((list) => [...list, { id: res.id, name: res.name }]);
                      onSuccess?.(res);
                    } catch (err) {
                      message.error(errorMessage(err));
                      onError?.(err as Error);
                    }
                  }}
                  showUploadList={{ showRemoveIcon: true }}
                >
                  <Button icon={<UploadOutlined />}>上传附件</Button>
                </Upload>
              </Form.Item>
              <Flex gap={12} wrap>
                <Button size="large" loading={busy} onClick={() => save(false)}>
                  保存草稿
                </Button>
                <Button
                  size="large"
                  type="primary"
                  loading={busy}
                  onClick={() =>
                    modal.confirm({
                      title: '确定提交这件提案吗？',
                      content:
                        kind === 'joint'
                          ? '提交后将通知附议委员确认；全部答复后送提案委。'
                          : kind === 'collective'
                            ? '提交后送本党派团体负责人审批。'
                            : '提交后送提案委审查，立案前可以撤案。',
                      okText: '提交',
                      cancelText: '取消',
                      onOk: () => save(true),
                    })
                  }
                >
                  提交
                </Button>
              </Flex>
            </Form>
          </Card>
        </Col>
        <Col xs={0} lg={8}>
          <Card title="相似提案" extra={similar.isFetching ? <Spin size="small" /> : null}>
            <Typography.Paragraph type="secondary">
              根据案由和案据，查找本次和以往会议的相似提案，避免重复。
            </Typography.Paragraph>
            {(similar.data?.items ?? []).length === 0 ? (
              <Empty description={title.trim().length >= 4 ? '未发现相似提案' : '填写案由后显示'} />
            ) : (
              <List
                dataSource={similar.data?.items ?? []}
                renderItem={(s) => (
                  <List.Item key={s.id}>
                    <div style={{ width: '100%' }}>
                      {s.canOpen ? (
                        <Link to={`/proposals/${s.id}`} target="_blank">
                          {s.title}
                        </Link>
                      ) : (
                        <Typography.Text strong>{s.title}</Typography.Text>
                      )}
                      <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
                        {[s.numberLabel || s.sessionName, s.stateLabel].filter(Boolean).join(' · ')}
                      </Typography.Paragraph>
                      <Flex align="center" gap={8}>
                        <span>相似度</span>
                        <Progress
                          percent={s.score}
                          size="small"
                          status={s.score >= 60 ? 'exception' : 'normal'}
                          aria-label={`相似度 ${s.score} 分`}
                        />
                      </Flex>
                    </div>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** The alike proposals right under 案由 while typing (on a phone the side card would sit far below, under 提交). */
function SimilarBesideTitle({ items }: { items: Similar[] }) {
  const close = items.filter((s) => s.score >= 40).slice(0, 3);
  if (close.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      style={{ marginTop: -8, marginBottom: 16 }}
      title={`发现 ${close.length} 件相似提案，请确认不是重复提出`}
      description={
        <Flex vertical gap={4}>
          {close.map((s) => (
            <span key={s.id}>
              {s.canOpen ? (
                <Link to={`/proposals/${s.id}`} target="_blank">
                  {s.title}
                </Link>
              ) : (
                s.title
              )}
              <Typography.Text type="secondary">
                {' '}
                · {[s.numberLabel || s.sessionName, s.stateLabel].filter(Boolean).join(' · ')} · 相似度 {s.score}
              </Typography.Text>
            </span>
          ))}
        </Flex>
      }
    />
  );
}
