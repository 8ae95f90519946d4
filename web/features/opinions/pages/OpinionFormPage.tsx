// 报送信息: writing a report on a phone — title, category, text with a live character count against the committee's
// limit, attachments, and the most similar recent reports shown while writing. Saves a draft or submits; the same
// page edits a draft or a report returned for revision.
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
  Row,
  Select,
  Skeleton,
  Typography,
  type UploadFile,
} from 'antd';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../../api/client.ts';
import { formatDate } from '../../../app/format.ts';
import { ErrorAlert, errorMessage, PageHeader, useDebounced, useFormDraft } from '../../../components/index.ts';
import { countChars, type Detail, useOpinionSettings } from '../api.ts';
import { useUploadList } from '../components/useUploadList.tsx';
import { Pill } from '../Pill.tsx';
import { opinionKeys } from '../queries.ts';

interface Values {
  title: string;
  category: string;
  body: string;
}

interface Similar {
  id: number;
  title: string;
  category: string;
  stateLabel: string;
  submittedAt: string | null;
  similarity: number;
}

export function OpinionFormPage() {
  const { id } = useParams();
  const editId = id ? Number(id) : null;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const settings = useOpinionSettings();
  const existing = useQuery({
    queryKey: opinionKeys.detail(editId),
    queryFn: () => api.get<Detail>(`/api/opinions/${editId}`),
    enabled: editId != null,
  });
  const attachments = useUploadList();
  const title = Form.useWatch('title', form) ?? '';
  const body = Form.useWatch('body', form) ?? '';
  const chars = countChars(body);
  const max = settings.data?.maxChars ?? 1500;
  const over = chars > max;
  // Kept on this device as typed, offered back after a reload or an expired session.
  const draft = useFormDraft(form, `opinion:${editId ?? 'new'}`, { ready: editId == null || !!existing.data });

  useEffect(() => {
    if (!existing.data) return;
    form.setFieldsValue({ title: existing.data.title, category: existing.data.category, body: existing.data.body });
    attachments.setFiles(
      existing.data.files.map((f) => ({ uid: String(f.id), name: f.name, status: 'done', response: f }) as UploadFile),
    );
  }, [existing.data, form, attachments.setFiles]);

  const probe = useDebounced(`${title}\n${body}`, 800);
  const similar = useQuery({
    queryKey: opinionKeys.similar(probe, editId),
    meta: { background: true },
    queryFn: () => {
      const [t, ...b] = probe.split('\n');
      return api.post<{ items: Similar[] }>('/api/opinions/similar', {
        title: t,
        body: b.join('\n').slice(0, 20000),
        excludeId: editId ?? undefined,
      });
    },
    enabled: countChars(probe) >= 8,
  });

  const save = useMutation({
    mutationFn: async (submit: boolean) => {
      const values = await form.validateFields();
      const payload = {
        ...values,
        fileIds: attachments.ids(),
        submit,
      };
      return editId
        ? api.put<{ id: number; state: string }>(`/api/opinions/${editId}`, payload)
        : api.post<{ id: number; state: string }>('/api/opinions', payload);
    },
    onSuccess: (res, submit) => {
      draft.clear();
      queryClient.invalidateQueries({ queryKey: opinionKeys.all });
      message.success(submit ? '已提交，请等待社情民意工作人员筛选' : '草稿已保存');
      navigate(`/opinions/${res.id}`);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.field && ['title', 'body', 'category'].includes(err.field)) {
        form.setFields([{ name: err.field as keyof Values, errors: [err.message] }]);
      }
      if (!(err && typeof err === 'object' && 'errorFields' in err)) message.error(errorMessage(err));
    },
  });

  if (editId && existing.isLoading) return <Skeleton active />;
  if (existing.error) return <ErrorAlert error={existing.error} />;
  if (existing.data && !existing.data.can.edit) {
    return (
      <>
        <PageHeader title="修改信息" back />
        <Alert type="info" showIcon title="该信息已提交，不能再修改。" />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={editId ? '修改社情民意信息' : '报送社情民意信息'}
        back
        description="一事一报：写清情况、分析和建议。可先保存草稿，写好后再提交。"
      />
      {existing.data?.state === 'returned' && existing.data.screenComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="工作人员退回修改的意见"
          description={existing.data.screenComment}
        />
      )}
      {draft.notice}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card>
            <Form
              form={form}
              layout="vertical"
              requiredMark="optional"
              disabled={save.isPending}
              onValuesChange={draft.onValuesChange}
            >
              <Form.Item
                label="标题"
                name="title"
                rules={[
                  { required: true, whitespace: true, message: '请填写「标题」' },
                  {
                    validator: (_, v: string) =>
                      countChars(v ?? '') > (settings.data?.titleMax ?? 60)
                        ? Promise.reject(new Error(`「标题」不能超过 ${settings.data?.titleMax ?? 60} 个字`))
                        : Promise.resolve(),
                  },
                ]}
              >
                <Input placeholder="例如：关于破解老旧小区加装电梯难题的建议" count={{ show: true, max: 200 }} />
              </Form.Item>
              <Form.Item label="类别" name="category" rules={[{ required: true, message: '请选择「类别」' }]}>
                <Select
                  placeholder="请选择"
                  options={(settings.data?.categories ?? []).map((c) => ({ value: c, label: c }))}
                />
              </Form.Item>
              <Form.Item
                label="正文"
                name="body"
                extra={
                  <span
                    aria-live="polite"
                    data-testid="char-count"
                    style={{ color: over ? '#cf1322' : undefined, fontWeight: over ? 600 : undefined }}
                  >
                    已写 {chars} 字，最多 {max} 字{over ? `，超出 ${chars - max} 字` : `，还可写 ${max - chars} 字`}
                  </span>
                }
                rules={[
                  { required: true, whitespace: true, message: '请填写「正文」' },
                  {
                    validator: (_, v: string) =>
                      countChars(v ?? '') > max
                        ? Promise.reject(new Error(`「正文」不能超过 ${max} 字`))
                        : Promise.resolve(),
                  },
                ]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 10, maxRows: 24 }}
                  placeholder={'写清三部分：\n一、基本情况\n二、存在的问题及原因\n三、意见建议'}
                />
              </Form.Item>
              <Form.Item label="附件" extra="可上传 pdf、Word、Excel 或图片，每个不超过上传限制">
                {attachments.upload}
              </Form.Item>
              <Flex gap={12} wrap>
                <Button
                  type="primary"
                  size="large"
                  icon={<SendOutlined />}
                  loading={save.isPending && save.variables === true}
                  onClick={() => save.mutate(true)}
                >
                  提交
                </Button>
                <Button
                  size="large"
                  icon={<SaveOutlined />}
                  loading={save.isPending && save.variables === false}
                  onClick={() => save.mutate(false)}
                >
                  保存草稿
                </Button>
              </Flex>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title="近期相似信息" aria-live="polite">
            {countChars(probe) < 8 ? (
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                写下标题和内容后，这里会列出近两年内容相近的信息，避免重复报送。
              </Typography.Paragraph>
            ) : similar.data?.items.length ? (
              <List
                dataSource={similar.data.items}
                renderItem={(s) => (
                  <List.Item>
                    <div style={{ width: '100%' }}>
                      <div style={{ fontWeight: 600 }}>{s.title}</div>
                      <Flex gap={8} wrap style={{ marginTop: 4 }}>
                        <Pill tone="orange">相似度 {Math.round(s.similarity * 100)}%</Pill>
                        <Pill>{s.category}</Pill>
                        <Pill>{s.stateLabel}</Pill>
                        <Typography.Text type="secondary">{formatDate(s.submittedAt)}</Typography.Text>
                      </Flex>
                    </div>
                  </List.Item>
                )}
              />
            ) : (
              <Empty description={similar.isFetching ? '正在查找…' : '没有找到相似的信息'} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
