// The forms behind the outcome's buttons: each action that takes data gets its fields; the rest ask for a comment
// when the process requires one. One dialog component sends any action to the route it is given.
import { useQuery } from '@tanstack/react-query';
import { Checkbox, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { toApiDate } from '../../../app/format.ts';
import { errorMessage, useFormDraft } from '../../../components/index.ts';
import { textOnly } from '../shared.ts';
import { ADOPTION, LEADER_ORGANS, LEVELS, SUBMIT_TARGETS, TRANSFORMATION } from './api.ts';

const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

function UnitSelect() {
  const { data } = useQuery({
    queryKey: ['org', 'units', 'all'],
    queryFn: () => api.get<{ items: { id: number; name: string }[] }>('/api/org/units?pageSize=500'),
  });
  return (
    <Select
      mode="multiple"
      showSearch
      optionFilterProp="label"
      placeholder="选择一个或多个办理单位"
      options={(data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}

/** The fields of an action's data; null for actions without data. */
function Fields({ action }: { action: string }) {
  switch (action) {
    case 'submit':
      return (
        <>
          <Form.Item label="报送对象" name="submittedTo" rules={[{ required: true, message: '请选择报送对象' }]}>
            <Checkbox.Group options={options(SUBMIT_TARGETS)} />
          </Form.Item>
          <Form.Item label="报送日期" name="submittedOn" rules={[{ required: true, message: '请选择报送日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </>
      );
    case 'handOver':
      return (
        <>
          <Form.Item label="办理单位" name="unitIds" rules={[{ required: true, message: '请至少选择一个办理单位' }]}>
            <UnitSelect />
          </Form.Item>
          <Form.Item label="反馈期限" name="dueOn" extra="不填则按本会设置（默认交办后 3 个月）">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </>
      );
    case 'recordInstruction':
      return (
        <>
          <Form.Item
            label="批示领导"
            name="leaderName"
            rules={[{ required: true, whitespace: true, message: '请填写批示领导' }]}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item label="领导机关" name="leaderOrgan" rules={[{ required: true, message: '请选择领导机关' }]}>
            <Radio.Group options={options(LEADER_ORGANS)} />
          </Form.Item>
          <Form.Item label="批示层级" name="level" rules={[{ required: true, message: '请选择批示层级' }]}>
            <Radio.Group options={options(LEVELS)} />
          </Form.Item>
          <Form.Item label="批示日期" name="instructedOn" rules={[{ required: true, message: '请选择批示日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label="批示内容"
            name="text"
            rules={[{ required: true, whitespace: true, message: '请填写批示内容' }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} />
          </Form.Item>
        </>
      );
    case 'evaluate':
      return (
        <>
          <Form.Item label="成果转化" name="transformationKinds" initialValue={[]}>
            <Checkbox.Group options={options(TRANSFORMATION)} />
          </Form.Item>
          <Form.Item label="转化情况" name="transformationText">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} placeholder="如：出台《……实施方案》" />
          </Form.Item>
          <Form.Item label="评估意见" name="evaluationText">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} />
          </Form.Item>
        </>
      );
    case 'feedback':
      return (
        <>
          <Form.Item
            label="采纳吸收情况"
            name="takenUp"
            rules={[{ required: true, whitespace: true, message: '请填写采纳吸收情况' }]}
          >
            <Input.TextArea autoSize={{ minRows: 4 }} maxLength={10000} />
          </Form.Item>
          <Form.Item label="落实措施" name="measures">
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={10000} />
          </Form.Item>
          <Form.Item label="相关文件" name="documents">
            <Input maxLength={2000} placeholder="文件名称、文号" />
          </Form.Item>
        </>
      );
    case 'rate':
      return (
        <>
          <Form.Item label="采纳情况" name="adoption" rules={[{ required: true, message: '请选择采纳情况' }]}>
            <Radio.Group options={options(ADOPTION)} />
          </Form.Item>
          <Form.Item label="后续措施" name="measures">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}

const DATE_FIELDS = ['submittedOn', 'dueOn', 'instructedOn'];

export interface PendingAction {
  url: string;
  action: string;
  label: string;
  commentRequired: boolean;
}

export function ActionDialog({
  pending,
  onClose,
  onDone,
}: {
  pending: PendingAction | null;
  onClose: () => void;
  onDone: () => void;
}) {
  // Keyed by the action so each opening reads (and offers back) the draft of that action only.
  if (!pending) return null;
  return (
    <ActionDialogBody key={`${pending.url}:${pending.action}`} pending={pending} onClose={onClose} onDone={onDone} />
  );
}

function ActionDialogBody({
  pending,
  onClose,
  onDone,
}: {
  pending: PendingAction;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  // Feedback, evaluation and reasons are long texts: they survive a reload until the server has them.
  const draft = useFormDraft(form, `consultation-outcome-action:${pending.url}:${pending.action}`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const { comment, ...values } = await form.validateFields();
    const data: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) data[k] = DATE_FIELDS.includes(k) ? toApiDate(v as any) : v;
    setBusy(true);
    setError(null);
    try {
      await api.post(pending.url, {
        action: pending.action,
        comment,
        data: Object.keys(data).length ? data : undefined,
      });
      form.resetFields();
      draft.clear();
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={pending.label}
      okText={pending.label}
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {draft.notice}
      <Form form={form} layout="vertical" onValuesChange={(c, all) => draft.onValuesChange(c, textOnly(all))}>
        <Fields action={pending.action} />
        <Form.Item
          label="意见"
          name="comment"
          rules={
            pending.commentRequired
              ? [{ required: true, whitespace: true, message: `请填写「${pending.label}」的理由或意见` }]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        {error && (
          <div role="alert" style={{ color: '#cf1322' }}>
            {error}
          </div>
        )}
      </Form>
    </Modal>
  );
}
