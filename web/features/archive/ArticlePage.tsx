// One article: original files (photos, scans, audio) beside its transcription, its editorial state, the editors'
// versions with notes, the engine's buttons for this user (assign asks for a volume), an edit form and the timeline.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Form, Input, Modal, Row, Select, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../app/format.ts';
import { ErrorAlert, PageHeader, useFormDraft } from '../../components/index.ts';
import { TAG } from '../../components/tagColors.ts';
import type { Action, Article, Volume } from './api.ts';
import type { Village } from './villages.ts';

function Originals({ files }: { files: NonNullable<Article['files']> }) {
  if (!files.length) return <Typography.Text type="secondary">无原件</Typography.Text>;
  return (
    <Flex vertical gap={8}>
      {files.map((f) =>
        f.mime.startsWith('image/') ? (
          <img key={f.id} src={`/api/files/${f.id}`} alt={f.name} style={{ maxWidth: '100%' }} />
        ) : f.mime.startsWith('audio/') ? (
          // biome-ignore lint/a11y/useMediaCaption: oral-history recordings come without captions; the text is beside them
          <audio key={f.id} controls src={`/api/files/${f.id}`} aria-label={f.name} style={{ width: '100%' }} />
        ) : (
          <a key={f.id} href={`/api/files/${f.id}`}>
            {f.name}
          </a>
        ),
      )}
    </Flex>
  );
}

interface EditValues {
  title: string;
  body: string;
  editorNote?: string;
  villageId?: number | null;
}

/** The editor's version form: the text and the editor's note are kept on this device until the version is saved. */
function EditForm({
  a,
  saving,
  error,
  onSave,
  onCancel,
}: {
  a: Article;
  saving: boolean;
  error: unknown;
  onSave: (v: EditValues) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<EditValues>();
  const draft = useFormDraft(form, `archive-article-edit:${a.id}`);
  const villages = useQuery({
    queryKey: ['archive', 'villages', {}],
    queryFn: () => api.get<{ items: Village[] }>('/api/archive/villages'),
    meta: { background: true },
  });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ title: a.title, body: a.body, villageId: a.villageId }}
      onValuesChange={draft.onValuesChange}
      // the draft goes once the server has the version; a failed save keeps it (the error shows above)
      onFinish={(v) => onSave({ ...v, villageId: v.villageId ?? null }).then(draft.clear, () => {})}
    >
      {draft.notice}
      <ErrorAlert error={error} />
      <Form.Item
        name="title"
        label="标题"
        rules={[
          { required: true, message: '请填写标题' },
          { max: 100, message: '「标题」不能超过 100 字' },
        ]}
      >
        <Input count={{ show: true, max: 100 }} />
      </Form.Item>
      <Form.Item
        name="body"
        label="正文"
        rules={[
          { required: true, message: '请填写正文' },
          { max: 100000, message: '「正文」不能超过 100000 字' },
        ]}
      >
        <Input.TextArea rows={14} count={{ show: true, max: 100000 }} />
      </Form.Item>
      <Form.Item name="editorNote" label="编辑说明" rules={[{ max: 5000, message: '「编辑说明」不能超过 5000 字' }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="villageId" label="归入村史（可不选）">
        <Select
          allowClear
          options={(villages.data?.items ?? []).map((v) => ({ value: v.id, label: `${v.township} · ${v.title}` }))}
        />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存新版本
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </Flex>
    </Form>
  );
}

export function ArticlePage() {
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Action | null>(null);
  const [comment, setComment] = useState('');
  const [volumeId, setVolumeId] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const { data: a, error } = useQuery({
    queryKey: ['archive', 'article', id],
    queryFn: () => api.get<Article>(`/api/archive/articles/${id}`),
  });
  const volumes = useQuery({
    queryKey: ['archive', 'volumes'],
    queryFn: () => api.get<Volume[]>('/api/archive/volumes'),
    enabled: !!a?.actions?.some((x) => x.action === 'assign'),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['archive'] });
  const fire = useMutation({
    mutationFn: (b: { action: string; comment?: string; data?: object }) =>
      api.post(`/api/archive/articles/${id}/actions`, b),
    onSuccess: () => {
      setPending(null);
      setComment('');
      message.success('已完成');
      refresh();
    },
  });
  const edit = useMutation({
    mutationFn: (v: EditValues) => api.post(`/api/archive/articles/${id}/versions`, v),
    onSuccess: () => {
      setEditing(false);
      message.success('已保存为新版本');
      refresh();
    },
  });
  if (!a) return <ErrorAlert error={error} />;
  const canEdit = a.state === 'accepted' && a.actions?.some((x) => x.action === 'finishEditing');
  const click = (x: Action) =>
    x.commentRequired || x.action === 'assign' ? setPending(x) : fire.mutate({ action: x.action });
  return (
    <>
      <PageHeader title={a.title} back="/archive" />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          <Tag color={a.state === 'published' ? TAG.green : 'blue'}>{a.stateLabel}</Tag>
          <Tag>{a.accountKindLabel}</Tag>
          {a.volumeNumber && (
            <Tag>
              第{a.volumeNumber}辑 · {a.volumeTitle}
            </Tag>
          )}
          {a.villageId && (
            <Link to={`/archive/villages/${a.villageId}`}>
              <Tag color="purple">村史：{a.villageTitle}</Tag>
            </Link>
          )}
        </Flex>
        <Typography.Paragraph type="secondary">
          作者：{a.authorName}
          {a.period && ` · ${a.period}`}
          {a.place && ` · ${a.place}`}
          {a.persons.length > 0 && ` · 人物：${a.persons.join('、')}`}
          {a.consentAt && ` · ${formatDateTime(a.consentAt)} 授权编辑出版`}
        </Typography.Paragraph>
        {a.declineReason && <Typography.Paragraph type="danger">未采用理由：{a.declineReason}</Typography.Paragraph>}
        <ErrorAlert error={fire.error} />
        <Flex gap={8} wrap>
          {canEdit && (
            <Button size="large" onClick={() => setEditing(true)}>
              编辑正文
            </Button>
          )}
          {a.actions?.map((x) => (
            <Button
              key={x.action}
              size="large"
              onClick={() => click(x)}
              loading={fire.isPending && pending?.action === x.action}
            >
              {x.label}
            </Button>
          ))}
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <Card title="原件">
            <Originals files={a.files ?? []} />
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card title={a.version ? `正文（第${a.version}版）` : '正文'}>
            {editing ? (
              <EditForm
                a={a}
                saving={edit.isPending}
                error={edit.error}
                onSave={(v) => edit.mutateAsync(v)}
                onCancel={() => setEditing(false)}
              />
            ) : (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 17, lineHeight: 1.9 }}>
                {a.body}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
      </Row>
      {!!a.versions?.length && (
        <Card title="版本" style={{ marginTop: 16 }}>
          <ul>
            {a.versions.map((v) => (
              <li key={v.version}>
                第{v.version}版 · {v.title} · {v.editorName ?? ''} · {formatDateTime(v.createdAt)}
                {v.editorNote && `：${v.editorNote}`}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {!!a.timeline?.length && (
        <Card title="办理记录" style={{ marginTop: 16 }}>
          <Timeline
            items={a.timeline.map((t) => ({
              children: (
                <>
                  <div>
                    {t.label} · {t.actorName ?? '系统'} · {formatDateTime(t.createdAt)}
                  </div>
                  {t.comment && <Typography.Text type="secondary">{t.comment}</Typography.Text>}
                </>
              ),
            }))}
          />
        </Card>
      )}
      <Modal
        open={!!pending}
        title={pending?.label}
        okText="确定"
        cancelText="取消"
        confirmLoading={fire.isPending}
        onCancel={() => setPending(null)}
        onOk={() =>
          pending &&
          fire.mutate({
            action: pending.action,
            comment: comment || undefined,
            data: pending.action === 'assign' ? { volumeId: volumeId ?? undefined } : undefined,
          })
        }
      >
        <ErrorAlert error={fire.error} />
        {pending?.action === 'assign' ? (
          <Select
            aria-label="编入哪一辑"
            style={{ width: '100%' }}
            value={volumeId}
            onChange={setVolumeId}
            options={(volumes.data ?? [])
              .filter((v) => v.state === 'draft')
              .map((v) => ({ value: v.id, label: `第${v.number}辑 · ${v.title}` }))}
          />
        ) : (
          <>
            <label htmlFor="article-comment">理由或意见</label>
            <Input.TextArea
              id="article-comment"
              rows={4}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </>
        )}
      </Modal>
    </>
  );
}
