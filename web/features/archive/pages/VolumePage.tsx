// A volume to read: its contents, each article's text in order, the Word and the print page (PDF) in print layout;
// editors publish it here.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { ErrorAlert, ExportButton, PageHeader } from '../../../components/index.ts';
import { TAG } from '../../../components/tagColors.ts';
import { archiveKeys, useVolume } from '../queries.ts';

export function VolumePage() {
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const { data: v, error } = useVolume(id);
  const fire = useMutation({
    mutationFn: (action: string) => api.post(`/api/archive/volumes/${id}/actions`, { action }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: archiveKeys.all }),
  });
  if (!v) return <ErrorAlert error={error} />;
  return (
    <>
      <PageHeader
        title={`第${v.number}辑 · ${v.title}`}
        back="/archive"
        extra={
          <Flex gap={8} wrap>
            <ExportButton url={`/api/archive/volumes/${id}/volume.docx`}>下载 Word</ExportButton>
            {/* The print layout in a tab of its own: the browser prints it or saves it as PDF. */}
            <Button href={`/api/archive/volumes/${id}/print`} target="_blank">
              打印 / 存为 PDF
            </Button>
          </Flex>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap align="center">
          <Tag color={v.state === 'published' ? TAG.green : 'default'}>{v.stateLabel}</Tag>
          {v.description && <Typography.Text>{v.description}</Typography.Text>}
          {v.actions.map((a) => (
            <Button key={a.action} type="primary" onClick={() => fire.mutate(a.action)} loading={fire.isPending}>
              {a.label}
            </Button>
          ))}
        </Flex>
        <ErrorAlert error={fire.error} />
      </Card>
      <Card title="目录" style={{ marginBottom: 16 }}>
        <ol>
          {v.contents?.map((a) => (
            <li key={a.id}>
              <a href={`#article-${a.id}`}>{a.title}</a>　{a.authorName}
            </li>
          ))}
        </ol>
      </Card>
      {v.contents?.map((a) => (
        <Card key={a.id} id={`article-${a.id}`} title={a.title} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            {a.authorName} · <Link to={`/archive/articles/${a.id}`}>原件与详情</Link>
          </Typography.Paragraph>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 17, lineHeight: 1.9 }}>
            {a.body}
          </Typography.Paragraph>
        </Card>
      ))}
    </>
  );
}
