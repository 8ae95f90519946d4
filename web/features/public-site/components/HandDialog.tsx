// 交给委员: staff hand a public 提案线索 to a member (again to another one if need be), with a note; the draft of the
// note is kept while typing.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { api } from '../../../api/client.ts';
import { ErrorAlert, useFormDraft } from '../../../components/index.ts';
import { MemberSelect } from '../../meetings/shared.tsx';
import type { Idea } from '../api.ts';
import { publicSiteKeys } from '../queries.ts';

/** The dialog, open while `idea` is set; closes itself after handing. */
export function HandDialog({ idea, onClose }: { idea: Idea | null; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const draft = useFormDraft(form, idea ? `public-idea-hand:${idea.id}` : null);
  const hand = useMutation({
    mutationFn: (v: object) => api.post(`/api/public-site/ideas/${idea?.id}/hand`, v),
    onSuccess: () => {
      message.success('已交给委员');
      draft.clear();
      qc.invalidateQueries({ queryKey: publicSiteKeys.all });
      onClose();
    },
  });
  return (
    <Modal
      open={!!idea}
      title="交给委员"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="交给委员"
      confirmLoading={hand.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph strong>{idea?.title}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onValuesChange={draft.onValuesChange}
        onFinish={(v) => hand.mutate(v)}
      >
        {draft.notice}
        <Form.Item name="memberId" label="委员" rules={[{ required: true, message: '请选择委员' }]}>
          <MemberSelect />
        </Form.Item>
        <Form.Item name="note" label="交办说明" rules={[{ max: 500, message: '交办说明不能超过 500 个字' }]}>
          <Input.TextArea rows={3} count={{ show: true, max: 500 }} />
        </Form.Item>
        <ErrorAlert error={hand.error} />
      </Form>
    </Modal>
  );
}
