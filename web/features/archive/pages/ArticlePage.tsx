// One article: original files (photos, scans, audio) beside its transcription, its editorial state, the editors'
// versions with notes, the engine's buttons for this user (assign asks for a volume), an edit form and the timeline.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Row, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import {
  ActionCommentDialog,
  ErrorAlert,
  PageHeader,
  WorkflowActions,
  WorkflowTimeline,
} from '../../../components/index.ts';
import { TAG } from '../../../components/tagColors.ts';
import type { Action } from '../api.ts';
import { ArticleEditForm, type ArticleEditValues } from '../components/ArticleEditForm.tsx';
import { Originals } from '../components/Originals.tsx';
import { archiveKeys, useArticle, useVolumes } from '../queries.ts';

export function ArticlePage() {
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Action | null>(null);
  const [volumeId, setVolumeId] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const { data: a, error } = useArticle(id);
  const volumes = useVolumes(!!a?.actions?.some((x) => x.action === 'assign'));
  const refresh = () => queryClient.invalidateQueries({ queryKey: archiveKeys.all });
  const fire = useMutation({
    mutationFn: (b: { action: string; comment?: string; data?: object }) =>
      api.post(`/api/archive/articles/${id}/actions`, b),
    onSuccess: () => {
      setPending(null);
      message.success('已完成');
      refresh();
    },
  });
  const edit = useMutation({
    mutationFn: (v: ArticleEditValues) => api.post(`/api/archive/articles/${id}/versions`, v),
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
          <WorkflowActions
            actions={a.actions ?? []}
            size="large"
            primary={() => false}
            loading={(x) => fire.isPending && pending?.action === x}
            onAction={click}
          />
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
              <ArticleEditForm
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
      {!!a.timeline?.length && <WorkflowTimeline title="办理记录" steps={a.timeline} style={{ marginTop: 16 }} />}
      <ActionCommentDialog
        action={pending}
        draft={`archive-article-action:${id}`}
        inputId="article-comment"
        running={fire.isPending}
        error={fire.error}
        onCancel={() => setPending(null)}
        onOk={(p, comment) =>
          fire.mutateAsync({
            action: p.action,
            comment: comment || undefined,
            data: p.action === 'assign' ? { volumeId: volumeId ?? undefined } : undefined,
          })
        }
      >
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
        ) : undefined}
      </ActionCommentDialog>
    </>
  );
}
