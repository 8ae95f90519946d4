// 报告践诺: whether a commitment was kept and how, prefilled from the duty facts that fulfil it (kept when the target is
// met); the member may change both. Kept as a local draft until sent.
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Radio } from 'antd';
import { api } from '../../../api/client.ts';
import { ErrorAlert, textRules, useFormDraft } from '../../../components/index.ts';
import type { Commitment } from '../api.ts';

export function CommitmentReportDialog({
  commitment,
  onClose,
  onDone,
}: {
  commitment: Commitment | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [reportForm] = Form.useForm();
  const reportDraft = useFormDraft(reportForm, commitment ? `commitment-report:${commitment.id}` : null);
  const report = useMutation({
    mutationFn: (v: { kept: boolean; report: string }) => api.post(`/api/commitments/${commitment!.id}/report`, v),
    onSuccess: () => {
      reportDraft.clear();
      onDone();
    },
  });
  return (
    <Modal
      open={!!commitment}
      title={`报告践诺：${commitment?.text ?? ''}`}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={report.error} />
      {reportDraft.notice}
      <Form
        form={reportForm}
        layout="vertical"
        // Prefilled from the facts that fulfil the commitment (kept when the target is met); the member may change both.
        initialValues={{
          kept: commitment?.kept ?? commitment?.suggestedKept ?? true,
          report: commitment?.report ?? commitment?.suggestedReport ?? '',
        }}
        onFinish={report.mutate}
        onValuesChange={reportDraft.onValuesChange}
      >
        <Form.Item name="kept" label="是否践诺">
          <Radio.Group
            options={[
              { value: true, label: '已践诺' },
              { value: false, label: '未践诺' },
            ]}
          />
        </Form.Item>
        <Form.Item name="report" label="践诺情况" rules={textRules('践诺情况', 2000, { unit: '个字符' })}>
          <Input.TextArea rows={4} count={{ show: true, max: 2000 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={report.isPending}>
          提交
        </Button>
      </Form>
    </Modal>
  );
}
