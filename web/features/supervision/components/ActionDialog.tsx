// The dialog of one 随手拍 action: a reason (decline, dispute, close), the unit (dispatch), the alike item to merge into
// (suggested by text similarity), or the answer with photos of the result (unit). Text is kept as a local draft.
import { useMutation, useQuery } from '@tanstack/react-query';
import { Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { ErrorAlert, UnitSelect, useFormDraft } from '../../../components/index.ts';
import type { ReportDetail, Similar, StoredFile } from '../api.ts';
import { supervisionKeys } from '../queries.ts';
import { MediaUpload } from './MediaUpload.tsx';

const COMMENT_LABEL: Record<string, string> = {
  decline: '不予受理的理由（委员可见）',
  dispute: '异议理由',
  close: '办结意见',
  answer: '答复内容',
  merge: '说明（可不填）',
  confirm: '评价（可不填）',
};

export function ActionDialog({
  report,
  action,
  onClose,
  onDone,
}: {
  report: ReportDetail;
  action: { action: string; label: string; commentRequired: boolean };
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const draft = useFormDraft(form, `snapshot-report-action:${report.id}:${action.action}`);
  const [files, setFiles] = useState<StoredFile[]>([]);
  const similar = useQuery({
    queryKey: supervisionKeys.similar(report.id),
    enabled: action.action === 'merge',
    meta: { background: true },
    queryFn: () => api.get<{ items: Similar[] }>(`/api/supervision/reports/${report.id}/similar`),
  });
  const send = useMutation({
    mutationFn: (v: { comment?: string; unitId?: number; intoId?: number }) =>
      api.post(`/api/supervision/reports/${report.id}/actions`, {
        action: action.action,
        comment: v.comment || undefined,
        unitId: v.unitId,
        intoId: v.intoId,
        ...(action.action === 'answer' ? { fileIds: files.map((f) => f.id) } : {}),
      }),
    onSuccess: () => {
      draft.clear();
      onDone();
    },
  });
  return (
    <Modal
      open
      title={action.label}
      okText="确定"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: send.isPending }}
      destroyOnHidden
    >
      {draft.notice}
      <ErrorAlert error={send.error} />
      <Form form={form} layout="vertical" onValuesChange={draft.onValuesChange} onFinish={(v) => send.mutate(v)}>
        {action.action === 'dispatch' && (
          <>
            <Form.Item name="unitId" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
              <UnitSelect style={{ minWidth: 200 }} />
            </Form.Item>
            <Typography.Paragraph>
              答复期限按工作日计算：{report.urgent ? '紧急事项' : '一般事项'}，从今天起算，节假日顺延。
            </Typography.Paragraph>
          </>
        )}
        {action.action === 'merge' && (
          <Form.Item
            name="intoId"
            label="合并到（相似的随手拍）"
            rules={[{ required: true, message: '请选择要合并到的随手拍' }]}
          >
            {similar.data?.items.length ? (
              <Radio.Group>
                {similar.data.items.map((s) => (
                  <Radio key={s.id} value={s.id} style={{ display: 'block', marginBottom: 8 }}>
                    随手拍 {s.id}（{s.stateLabel}，相似度 {Math.round(s.similarity * 100)}%）：{s.text.slice(0, 40)}
                  </Radio>
                ))}
              </Radio.Group>
            ) : (
              <Typography.Text>没有找到相似的随手拍</Typography.Text>
            )}
          </Form.Item>
        )}
        {action.action === 'answer' && (
          <Form.Item label="办理结果照片" required>
            <MediaUpload files={files} onChange={setFiles} label="上传办理结果照片" />
          </Form.Item>
        )}
        <Form.Item
          name="comment"
          label={COMMENT_LABEL[action.action] ?? '意见'}
          rules={[
            ...(action.commentRequired
              ? [{ required: true, whitespace: true, message: `请填写「${action.label}」的理由或意见` }]
              : []),
            { max: 2000, message: '「意见或理由」不能超过 2000 字' },
          ]}
        >
          <Input.TextArea rows={4} count={{ show: true, max: 2000 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
