// The reader/player of one material: a video or audio plays here and reports its position as it goes (the server
// finishes it at the committee's mark; lectures come without caption files); a document opens and the member marks it
// learnt. Below, the reflection (心得) form, kept locally until saved, saved as a draft or submitted for review.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Progress, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert, PageHeader, useFormDraft } from '../../components/index.ts';
import { TAG } from '../../components/tagColors.ts';
import { learningKeys, type Material, type ProgressReport, type ProgressResult } from './api.ts';

// The player reports where it is every 15 s of wall clock while playing, and on pause and at the end; the server keeps
// the furthest position it can credit and decides when the material is finished (no "done" button for media).
const PING_MS = 15_000;

function Player({
  m,
  canRecord,
  onProgress: record,
}: {
  m: Material;
  canRecord: boolean;
  onProgress: (report: ProgressReport) => void;
}) {
  const lastSent = useRef(0);
  const resumed = useRef(false);
  // Staff preview a material without a progress of their own.
  const onProgress = canRecord ? record : () => {};
  const src = `/api/files/${m.fileId}`;
  const report = (el: HTMLMediaElement, force = false) => {
    if (!el.duration || !Number.isFinite(el.duration)) return;
    if (!force && Date.now() - lastSent.current < PING_MS) return;
    lastSent.current = Date.now();
    onProgress({ positionSeconds: Math.min(el.currentTime, el.duration), durationSeconds: el.duration });
  };
  // Reopening resumes where the member got to, unless they had finished (then it starts again).
  const resume = (el: HTMLMediaElement) => {
    if (resumed.current) return;
    resumed.current = true;
    if (m.myPositionSeconds && !m.myFinishedAt && m.myPositionSeconds < el.duration)
      el.currentTime = m.myPositionSeconds;
  };
  const media = {
    controls: true,
    preload: 'metadata',
    src,
    'aria-label': m.title,
    onLoadedMetadata: (e: React.SyntheticEvent<HTMLMediaElement>) => resume(e.currentTarget),
    onTimeUpdate: (e: React.SyntheticEvent<HTMLMediaElement>) => report(e.currentTarget),
    onPause: (e: React.SyntheticEvent<HTMLMediaElement>) => report(e.currentTarget, true),
    onEnded: (e: React.SyntheticEvent<HTMLMediaElement>) => report(e.currentTarget, true),
  } as const;
  if (m.kind === 'video') return <video {...media} style={{ width: '100%', maxHeight: 360, background: '#000' }} />;
  if (m.kind === 'audio') return <audio {...media} style={{ width: '100%' }} />;
  return (
    <Flex gap={8} wrap>
      <Button size="large" href={src} target="_blank">
        打开资料（{m.fileName}）
      </Button>
      {canRecord && !m.myFinishedAt && (
        <Button size="large" type="primary" onClick={() => onProgress({ percent: 100 })}>
          我已学完
        </Button>
      )}
    </Flex>
  );
}

const minutes = (s: number) => `${Math.floor(s / 60)}分${String(Math.floor(s % 60)).padStart(2, '0')}秒`;

interface ReflectionValues {
  title: string;
  body: string;
}

function ReflectionForm({ materialId, materialTitle }: { materialId: number; materialTitle: string }) {
  const [form] = Form.useForm<ReflectionValues>();
  const draft = useFormDraft(form, `learning-reflection:material:${materialId}`);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: async ({ values, submit }: { values: ReflectionValues; submit: boolean }) => {
      const { id } = await api.post<{ id: number }>('/api/learning/reflections', { ...values, materialId });
      if (submit) await api.post(`/api/learning/reflections/${id}/actions`, { action: 'submit' });
      return { id, submit };
    },
    onSuccess: ({ id, submit }) => {
      draft.clear();
      message.success(submit ? '心得已提交，等待审核' : '心得草稿已保存');
      navigate(`/learning/reflections/${id}`);
    },
  });
  return (
    <Card title="写学习心得">
      {draft.notice}
      <ErrorAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        onValuesChange={draft.onValuesChange}
        initialValues={{ title: `学习《${materialTitle}》的体会` }}
        onFinish={(values) => save.mutate({ values, submit: true })}
      >
        <Form.Item name="title" label="心得标题" rules={[{ required: true, message: '请填写心得标题' }, { max: 100 }]}>
          <Input size="large" />
        </Form.Item>
        <Form.Item
          name="body"
          label="心得内容"
          rules={[
            { required: true, message: '请填写心得内容' },
            { max: 20000, message: '「心得内容」不能超过 20000 字' },
          ]}
        >
          <Input.TextArea rows={8} count={{ show: true, max: 20000 }} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button type="primary" size="large" htmlType="submit" loading={save.isPending}>
            提交心得
          </Button>
          <Button
            size="large"
            disabled={save.isPending}
            onClick={() => form.validateFields().then((values) => save.mutate({ values, submit: false }))}
          >
            保存草稿
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}

export function MaterialPage() {
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const { can } = useSession();
  const { data: m, error } = useQuery({
    queryKey: learningKeys.material(id),
    queryFn: () => api.get<Material>(`/api/learning/materials/${id}`),
  });
  const progress = useMutation({
    mutationFn: (b: ProgressReport) => api.put<ProgressResult>(`/api/learning/materials/${id}/progress`, b),
    onSuccess: (r) =>
      queryClient.setQueryData<Material>(learningKeys.material(id), (old) =>
        old
          ? {
              ...old,
              myPercent: r.percent,
              myFinishedAt: r.finishedAt,
              myPositionSeconds: r.positionSeconds,
              myDurationSeconds: r.durationSeconds,
            }
          : old,
      ),
  });
  if (!m) return <ErrorAlert error={error} />;
  return (
    <>
      <PageHeader title={m.title} back="/learning" />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Tag>{m.kindLabel}</Tag>
          {m.theme && <Tag color="blue">{m.theme}</Tag>}
          {m.myFinishedAt && <Tag color={TAG.green}>已学完</Tag>}
        </Flex>
        {m.description && <Typography.Paragraph>{m.description}</Typography.Paragraph>}
        <Player m={m} canRecord={can('learning.study')} onProgress={(report) => progress.mutate(report)} />
        <div style={{ marginTop: 12 }}>
          <Typography.Text>我的学习进度</Typography.Text>
          <Progress
            percent={m.myPercent}
            status={m.myFinishedAt ? 'success' : 'normal'}
            aria-label="我的学习进度"
            format={(p) => (m.myFinishedAt ? '已学完' : `${p}%`)}
          />
          {(m.kind === 'video' || m.kind === 'audio') && !m.myFinishedAt && (
            <Typography.Text type="secondary">
              {m.myPositionSeconds > 0 && m.myDurationSeconds
                ? `已看到 ${minutes(m.myPositionSeconds)}（共 ${minutes(m.myDurationSeconds)}），再次打开从这里继续。`
                : '播放到结尾即记为学完；拖动跳过的部分不计入进度。'}
            </Typography.Text>
          )}
        </div>
        <ErrorAlert error={progress.error} />
      </Card>
      {can('learning.study') && <ReflectionForm materialId={m.id} materialTitle={m.title} />}
    </>
  );
}
