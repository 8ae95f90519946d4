// 一委一品 panel: the year's signature project of a special committee — goal, milestones (due date, done or not) and
// progress entries with photos. Its own staff (and the office) set the project, add milestones and record progress;
// every form keeps its typed text as a local draft until saved.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Empty, Flex, Form, Image, Input, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { toApiDate } from '../../../app/format.ts';
import { AttachmentUpload, ErrorAlert, SectionCard, textRules, useFormDraft } from '../../../components/index.ts';
import { type Signature, workspaceKeys } from '../api.ts';

export function SignaturePanel({
  specialCommitteeId,
  year,
  signature,
  canManage,
}: {
  specialCommitteeId: number;
  year: number;
  signature: Signature | null;
  canManage: boolean;
}) {
  const [dialog, setDialog] = useState<'project' | 'milestone' | 'progress' | null>(null);
  const qc = useQueryClient();
  const done = useMutation({
    mutationFn: (b: { id: number; done: boolean }) =>
      api.put(`/api/workspace/milestones/${b.id}/done`, { done: b.done }),
    onSuccess: () => qc.invalidateQueries({ queryKey: workspaceKeys.all }),
  });
  return (
    <SectionCard
      title={`一委一品（${year}年）`}
      actions={canManage && <Button onClick={() => setDialog('project')}>{signature ? '修改项目' : '设立项目'}</Button>}
    >
      <ErrorAlert error={done.error} />
      {!signature ? (
        <Empty description="本年度尚未设立一委一品项目" />
      ) : (
        <>
          <Typography.Title level={3} style={{ fontSize: '1.15em' }}>
            {signature.title}
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>项目目标：{signature.goal}</Typography.Paragraph>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text strong>项目节点</Typography.Text>
            {canManage && <Button onClick={() => setDialog('milestone')}>添加节点</Button>}
          </Flex>
          <List
            dataSource={signature.milestones}
            locale={{ emptyText: '暂无节点' }}
            renderItem={(m) => (
              <List.Item>
                <Flex wrap gap={8} align="center">
                  {canManage ? (
                    <Checkbox checked={!!m.doneOn} onChange={(e) => done.mutate({ id: m.id, done: e.target.checked })}>
                      {m.title}
                    </Checkbox>
                  ) : (
                    <span>{m.title}</span>
                  )}
                  <Tag>时限 {m.dueOn}</Tag>
                  {m.doneOn && <Tag color="green">{m.doneOn} 完成</Tag>}
                </Flex>
              </List.Item>
            )}
          />
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 12 }}>
            <Typography.Text strong>进展情况</Typography.Text>
            {canManage && (
              <Button type="primary" onClick={() => setDialog('progress')}>
                记录进展
              </Button>
            )}
          </Flex>
          <List
            dataSource={signature.progress}
            locale={{ emptyText: '暂无进展' }}
            renderItem={(g) => (
              <List.Item style={{ display: 'block' }}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                  {g.body}
                </Typography.Paragraph>
                <Typography.Text type="secondary">
                  {g.entryOn} · {g.authorName}
                </Typography.Text>
                {!!g.photos.length && (
                  <Flex wrap gap={8} style={{ marginTop: 8 }}>
                    {g.photos.map((f) => (
                      <Image key={f.id} width={96} src={`/api/files/${f.id}`} alt={f.name} />
                    ))}
                  </Flex>
                )}
              </List.Item>
            )}
          />
        </>
      )}
      <ProjectDialog
        open={dialog === 'project'}
        onClose={() => setDialog(null)}
        url={`/api/workspace/special-committees/${specialCommitteeId}/signature`}
        year={year}
        signature={signature}
      />
      {signature && (
        <EntryDialog
          kind={dialog === 'milestone' || dialog === 'progress' ? dialog : null}
          projectId={signature.id}
          onClose={() => setDialog(null)}
        />
      )}
    </SectionCard>
  );
}

function ProjectDialog(p: {
  open: boolean;
  onClose: () => void;
  url: string;
  year: number;
  signature: Signature | null;
}) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const draft = useFormDraft(form, p.open ? `signature:${p.url}:${p.year}` : null);
  const save = useMutation({
    mutationFn: (v: { title: string; goal: string }) => api.put(p.url, { year: p.year, ...v }),
    onSuccess: () => {
      message.success('已保存');
      draft.clear();
      qc.invalidateQueries({ queryKey: workspaceKeys.all });
      p.onClose();
    },
  });
  return (
    <Modal open={p.open} title="一委一品项目" footer={null} onCancel={p.onClose} destroyOnHidden>
      <ErrorAlert error={save.error} />
      {draft.notice}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ title: p.signature?.title, goal: p.signature?.goal }}
        onValuesChange={draft.onValuesChange}
        onFinish={save.mutate}
      >
        <Form.Item name="title" label="项目名称" rules={textRules('项目名称', 100, { unit: '个字符', trim: true })}>
          <Input count={{ show: true, max: 100 }} />
        </Form.Item>
        <Form.Item name="goal" label="项目目标" rules={textRules('项目目标', 2000, { unit: '个字符', trim: true })}>
          <Input.TextArea rows={4} count={{ show: true, max: 2000 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form>
    </Modal>
  );
}

function EntryDialog({
  kind,
  projectId,
  onClose,
}: {
  kind: 'milestone' | 'progress' | null;
  projectId: number;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [fileIds, setFileIds] = useState<number[]>([]);
  const draft = useFormDraft(form, kind ? `signature-${kind}:${projectId}` : null);
  const save = useMutation({
    mutationFn: (v: any) =>
      kind === 'milestone'
        ? api.post(`/api/workspace/signature/${projectId}/milestones`, { title: v.title, dueOn: toApiDate(v.dueOn) })
        : api.post(`/api/workspace/signature/${projectId}/progress`, {
            text: v.text,
            entryOn: toApiDate(v.entryOn),
            fileIds,
          }),
    onSuccess: () => {
      message.success('已保存');
      draft.clear();
      form.resetFields();
      setFileIds([]);
      qc.invalidateQueries({ queryKey: workspaceKeys.all });
      onClose();
    },
  });
  return (
    <Modal
      open={!!kind}
      title={kind === 'milestone' ? '添加项目节点' : '记录进展'}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      {draft.notice}
      <Form form={form} layout="vertical" onValuesChange={draft.onValuesChange} onFinish={save.mutate}>
        {kind === 'milestone' ? (
          <>
            <Form.Item name="title" label="节点名称" rules={textRules('节点名称', 100, { unit: '个字符', trim: true })}>
              <Input count={{ show: true, max: 100 }} />
            </Form.Item>
            <Form.Item name="dueOn" label="完成时限" rules={[{ required: true, message: '请选择完成时限' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="text" label="进展情况" rules={textRules('进展情况', 2000, { unit: '个字符', trim: true })}>
              <Input.TextArea rows={4} count={{ show: true, max: 2000 }} />
            </Form.Item>
            <Form.Item name="entryOn" label="日期（不填为今天）">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label="照片">
              <AttachmentUpload label="上传照片" onUploaded={(id) => setFileIds((ids) => [...ids, id])} />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form>
    </Modal>
  );
}
