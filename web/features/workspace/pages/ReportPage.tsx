// One monthly report: the month's facts, the text (edited by the special committee's office while a draft, kept as a
// local draft until saved), 提交 to the chairs, a leader's 批注 or 退回修改, the history and 导出Word.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import {
  ErrorAlert,
  ExportButton,
  PageHeader,
  textRules,
  useFormDraft,
  validValues,
  WorkflowActions,
  WorkflowTimeline,
} from '../../../components/index.ts';
import { type ReportDetail, workspaceKeys } from '../api.ts';
import { ReportFacts } from '../components/ReportFacts.tsx';

export function ReportPage() {
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const r = useQuery({
    queryKey: workspaceKeys.report(id),
    queryFn: () => api.get<ReportDetail>(`/api/workspace/reports/${id}`),
  });
  const d = r.data;
  const [form] = Form.useForm<{ body: string }>();
  const draft = useFormDraft(form, d?.canEdit ? `workspace-report:${id}` : null, { ready: !!d });
  // Filled from the server when the saved text changes, not on every refetch (that would wipe what is being typed).
  const saved = d ? `${d.state}:${d.body}` : null;
  const loaded = useRef<string | null>(null);
  useEffect(() => {
    if (d && saved !== loaded.current) {
      loaded.current = saved;
      form.setFieldsValue({ body: d.body });
    }
  }, [d, saved, form]);
  const refresh = () => qc.invalidateQueries({ queryKey: workspaceKeys.all });
  const save = useMutation({
    mutationFn: (v: { body: string }) => api.put(`/api/workspace/reports/${id}`, v),
    onSuccess: () => {
      message.success('已保存');
      draft.clear();
      refresh();
    },
  });
  const [dialog, setDialog] = useState<{ action: string; label: string } | null>(null);
  const act = useMutation({
    mutationFn: (b: { action: string; comment?: string }) => api.post(`/api/workspace/reports/${id}/actions`, b),
    onSuccess: (_r, b) => {
      message.success(b.action === 'submit' ? '已提交' : '已保存');
      setDialog(null);
      refresh();
    },
  });
  const submit = async () => {
    // What is typed goes with the submission: saved first when it changed.
    if (d?.canEdit && form.getFieldValue('body') !== d.body) {
      if (!(await validValues(form))) return;
      await save.mutateAsync({ body: form.getFieldValue('body') });
    }
    await act.mutateAsync({ action: 'submit' });
  };
  return (
    <>
      <PageHeader
        title={d?.title ?? '月汇报'}
        back="/workspace/reports"
        extra={
          d && (
            <>
              <Tag style={{ fontSize: '1em' }}>{d.stateLabel}</Tag>
              <ExportButton url={`/api/workspace/reports/${id}/report.docx`}>导出Word</ExportButton>
            </>
          )
        }
      />
      <ErrorAlert error={r.error ?? save.error ?? act.error} />
      {d && (
        <>
          {d.facts && <ReportFacts facts={d.facts} />}
          <Card title="汇报正文" style={{ marginBottom: 16 }}>
            {d.canEdit ? (
              <>
                {draft.notice}
                <Form form={form} layout="vertical" onValuesChange={draft.onValuesChange} onFinish={save.mutate}>
                  <Form.Item
                    name="body"
                    label="正文（可在生成的草稿上修改）"
                    rules={textRules('月汇报正文', 20000, { unit: '个字符', trim: true })}
                  >
                    <Input.TextArea autoSize={{ minRows: 12 }} count={{ show: true, max: 20000 }} />
                  </Form.Item>
                  <Button htmlType="submit" loading={save.isPending} style={{ marginRight: 8 }}>
                    保存
                  </Button>
                  <WorkflowActions
                    actions={d.actions}
                    confirm={{
                      submit: { question: '提交给主席会议阅示？', detail: '提交后不能再修改，领导可以退回修改。' },
                    }}
                    onAction={(a) => (a.action === 'submit' ? submit() : setDialog(a))}
                  />
                </Form>
              </>
            ) : (
              <>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.body}</Typography.Paragraph>
                <WorkflowActions actions={d.actions} onAction={(a) => setDialog(a)} />
              </>
            )}
          </Card>
          <WorkflowTimeline steps={d.timeline} title="报送和批注" />
          <CommentDialog
            reportId={id}
            action={dialog}
            pending={act.isPending}
            onCancel={() => setDialog(null)}
            onSubmit={(comment) => act.mutate({ action: dialog!.action, comment })}
          />
        </>
      )}
    </>
  );
}

function CommentDialog(p: {
  reportId: number;
  action: { action: string; label: string } | null;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (comment: string) => void;
}) {
  const [form] = Form.useForm<{ comment: string }>();
  const draft = useFormDraft(form, p.action ? `workspace-report-${p.action.action}:${p.reportId}` : null);
  return (
    <Modal open={!!p.action} title={p.action?.label} footer={null} onCancel={p.onCancel} destroyOnHidden>
      {draft.notice}
      <Form
        form={form}
        layout="vertical"
        onValuesChange={draft.onValuesChange}
        onFinish={(v) => {
          p.onSubmit(v.comment);
          draft.clear();
        }}
      >
        <Form.Item
          name="comment"
          label={p.action?.action === 'return' ? '退回理由' : '批注意见'}
          rules={textRules('意见', 2000, { unit: '个字符', trim: true })}
        >
          <Input.TextArea rows={4} count={{ show: true, max: 2000 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={p.pending}>
          确定
        </Button>
      </Form>
    </Modal>
  );
}
