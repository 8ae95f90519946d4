// Add or edit a 正负面清单 item: which list, the behaviour, the evidence it needs and its points. The draft is kept
// while the dialog is open (issue 12).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../api/client.ts';
import { choices, ErrorAlert, maxChars, textRules, useFormDraft } from '../../../components/index.ts';
import type { ConductItem } from '../api.ts';
import { dutyKeys } from '../queries.ts';

export function ConductItemDialog({
  year,
  editing,
  onClose,
}: {
  year: number;
  /** The item being edited, 'new' to add one, null when closed. */
  editing: ConductItem | 'new' | null;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const key = editing === null ? null : `duty-list-item:${editing === 'new' ? `new:${year}` : editing.id}`;
  const draft = useFormDraft(form, key);
  useEffect(() => {
    if (editing && editing !== 'new') form.setFieldsValue(editing);
  }, [editing, form]);
  const save = useMutation({
    mutationFn: (v: any) =>
      editing === 'new'
        ? api.post('/api/duty/lists/items', { year, ...v })
        : api.put(`/api/duty/lists/items/${(editing as ConductItem).id}`, {
            title: v.title,
            evidenceRequired: v.evidenceRequired,
            points: v.points,
          }),
    onSuccess: () => {
      draft.clear();
      form.resetFields();
      qc.invalidateQueries({ queryKey: dutyKeys.all });
      onClose();
    },
  });
  return (
    <Modal
      open={editing !== null}
      title={editing === 'new' ? '新增清单事项' : '修改清单事项'}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      {draft.notice}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ polarity: 'negative', evidenceRequired: '' }}
        onFinish={save.mutate}
        onValuesChange={draft.onValuesChange}
      >
        {editing === 'new' && (
          <Form.Item name="polarity" label="清单">
            <Radio.Group options={choices({ positive: '正面清单（加分）', negative: '负面清单（扣分）' })} />
          </Form.Item>
        )}
        <Form.Item name="title" label="事项" rules={textRules('事项', 50, { unit: '个字符', quote: 'both' })}>
          <Input count={{ show: true, max: 50 }} />
        </Form.Item>
        <Form.Item name="evidenceRequired" label="所需佐证" rules={maxChars('所需佐证', 200)}>
          <Input.TextArea rows={2} count={{ show: true, max: 200 }} />
        </Form.Item>
        <Form.Item name="points" label="分值（每次）" rules={[{ required: true, message: '请填写「分值」' }]}>
          <InputNumber min={0.01} max={100} step={0.5} style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存并重新计分
        </Button>
      </Form>
    </Modal>
  );
}
