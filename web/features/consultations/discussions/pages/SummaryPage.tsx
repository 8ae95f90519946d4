// The staff summary (意见汇总): the generated draft (or the saved text) to edit and save, the Word document, and attaching
// it to a draft consultation outcome so it flows on into 报送 → 反馈 → 评估.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Input, Select, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../../api/client.ts';
import { formatDateTime } from '../../../../app/format.ts';
import { ErrorAlert, ExportButton, errorMessage, PageHeader } from '../../../../components/index.ts';
import { outcomeKeys } from '../../outcomes/queries.ts';
import { discussionKeys } from '../queries.ts';

interface Summary {
  topic: string;
  text: string;
  savedAt: string | null;
  outcomeId: number | null;
}

export function SummaryPage() {
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { data, error } = useQuery({
    queryKey: discussionKeys.summary(id),
    queryFn: () => api.get<Summary>(`/api/discussions/${id}/summary`),
  });
  const outcomes = useQuery({
    queryKey: outcomeKeys.drafts,
    queryFn: () =>
      api.get<{ items: { id: number; title: string }[] }>('/api/consultation-outcomes?state=draft&pageSize=100'),
  });
  const [text, setText] = useState('');
  const [outcomeId, setOutcomeId] = useState<number | null>(null);
  useEffect(() => {
    if (data) setText(data.text);
  }, [data]);
  const done = (msg: string) => () => {
    message.success(msg);
    qc.invalidateQueries({ queryKey: discussionKeys.summary(id) });
  };
  const save = useMutation({
    mutationFn: () => api.put(`/api/discussions/${id}/summary`, { text }),
    onSuccess: done('已保存'),
    onError: (e) => message.error(errorMessage(e)),
  });
  const attach = useMutation({
    mutationFn: async () => {
      await api.put(`/api/discussions/${id}/summary`, { text });
      await api.post(`/api/discussions/${id}/summary/attach`, { outcomeId });
    },
    onSuccess: done('已附入协商成果'),
    onError: (e) => message.error(errorMessage(e)),
  });
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Skeleton active />;
  return (
    <>
      <PageHeader
        title="意见汇总"
        back={`/consultations/discussions/${id}`}
        description={`${data.topic}${data.savedAt ? ` · 保存于 ${formatDateTime(data.savedAt)}` : ' · 系统生成的初稿，请修改后保存'}`}
        extra={<ExportButton url={`/api/discussions/${id}/summary.docx`}>导出 Word</ExportButton>}
      />
      <Input.TextArea
        aria-label="意见汇总"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 16 }}
        maxLength={50000}
      />
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        <Button type="primary" loading={save.isPending} disabled={!text.trim()} onClick={() => save.mutate()}>
          保存
        </Button>
      </Flex>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 24 }}>
        附入协商成果
      </Typography.Title>
      {data.outcomeId ? (
        <Typography.Paragraph>
          已附入 {/* Underlined: inside a sentence a link must not be told apart by colour alone. */}
          <Link to={`/consultations/outcomes/${data.outcomeId}`} style={{ textDecoration: 'underline' }}>
            协商成果
          </Link>
          。
        </Typography.Paragraph>
      ) : null}
      <Flex gap={8} wrap>
        <Select
          aria-label="协商成果"
          placeholder="选择起草中的协商成果"
          style={{ minWidth: 260, maxWidth: '100%' }}
          value={outcomeId}
          onChange={setOutcomeId}
          options={(outcomes.data?.items ?? []).map((o) => ({ value: o.id, label: o.title }))}
        />
        <Button disabled={!outcomeId} loading={attach.isPending} onClick={() => attach.mutate()}>
          附入成果
        </Button>
      </Flex>
    </>
  );
}
