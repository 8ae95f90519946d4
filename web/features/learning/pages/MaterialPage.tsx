// The reader/player of one material: a video or audio plays here and reports its position as it goes (the server
// finishes it at the committee's mark; lectures come without caption files); a document opens and the member marks it

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Card, Flex, Progress, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import { ErrorAlert, PageHeader } from '../../../components/index.ts';
import { TAG } from '../../../components/tagColors.ts';
import { type Material, minutes, type ProgressReport, type ProgressResult } from '../api.ts';
import { Player } from '../components/Player.tsx';
import { ReflectionForm } from '../components/ReflectionForm.tsx';
import { learningKeys, useMaterial } from '../queries.ts';

export function MaterialPage() {
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const { can } = useSession();
  const { data: m, error } = useMaterial(id);
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
