// The dialog behind every action button of a proposal or of a unit's assignment: it asks exactly what the action needs
// (reason, rejection ground, merge target, units, outcome class and letter, rating …) and shows the server's message.
import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../../../api/client.ts';
import { beijingToday, toApiDate } from '../../../app/format.ts';
import { errorMessage, namedChoices, PriorStep, useFormDraft, validValues } from '../../../components/index.ts';
import { type ActionInfo, type Detail, RATING_OPTIONS, useReference, useRules } from '../api.ts';
import { useMergeCandidates } from '../queries.ts';
import { AssignFields, ReplyLetter } from './ActionFields.tsx';

export interface PendingAction extends ActionInfo {
  target: 'proposal' | 'assignment';
  /** Proposal id or assignment id. */
  targetId: number;
  role?: string;
}

/** Actions that need nothing but a confirmation. */
const CONFIRM_ONLY = new Set([
  'submit',
  'cosignConfirm',
  'orgApprove',
  'preApprove',
  'register',
  'approveAssignment',
  'accept',
  'approveExtension',
]);

export function ActionDialog({
  pending,
  detail,
  isStaff,
  onClose,
  onDone,
}: {
  pending: PendingAction | null;
  detail: Detail;
  isStaff: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const rules = useRules();
  const ref = useReference();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [letter, setLetter] = useState<{ id: number; name: string } | null>(null);
  const action = pending?.action ?? '';
  const blocked = !!pending?.precondition;
  // A unit's reply or a member's reason typed here is kept per item and action until the server has it.
  const draft = useFormDraft(
    form,
    pending && !blocked && !CONFIRM_ONLY.has(pending.action)
      ? `${pending.target}-action:${pending.targetId}:${pending.action}`
      : null,
  );
  const similar = useMergeCandidates(detail.id, action === 'merge');
  const units = namedChoices(ref.data?.units);

  const close = () => {
    form.resetFields();
    setLetter(null);
    setError(null);
    onClose();
  };

  const submit = async () => {
    if (!pending) return;
    const v: Record<string, any> | null = await validValues(form);
    if (!v) return;
    const body: Record<string, unknown> = { action: pending.action, ...v };
    for (const k of ['dueAt', 'date']) if (v[k]) body[k] = toApiDate(v[k]);
    if (letter) body.letterFileId = letter.id;
    setBusy(true);
    setError(null);
    try {
      const url =
        pending.target === 'proposal'
          ? `/api/proposals/${pending.targetId}/transitions`
          : `/api/proposals/assignments/${pending.targetId}/transitions`;
      const res = await api.post<{ stateLabel: string }>(url, body);
      message.success(`已${pending.label}，当前状态：${res.stateLabel}`);
      draft.clear();
      close();
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.field) form.setFields([{ name: err.field, errors: [err.message] }]);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const commentField = (label = '意见', required = pending?.commentRequired) => (
    <Form.Item name="comment" label={label} rules={[{ required, whitespace: true, message: `请填写${label}` }]}>
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} count={{ show: true, max: 4000 }} />
    </Form.Item>
  );

  const body = () => {
    switch (action) {
      case 'reject':
        return (
          <>
            <Form.Item name="ground" label="不予立案理由" rules={[{ required: true, message: '请选择不予立案理由' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                options={(rules.data?.rejectionGrounds ?? []).map((g) => ({ value: g, label: g }))}
              />
            </Form.Item>
            {commentField('说明（将告知提案人）', true)}
          </>
        );
      case 'merge':
        return (
          <>
            <Form.Item name="intoId" label="并入的提案" rules={[{ required: true, message: '请选择并入的提案' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                loading={similar.isFetching}
                placeholder="相似提案（按相似度排序）"
                options={(similar.data?.items ?? []).map((s) => ({
                  value: s.id,
                  label: `${s.title}（${s.numberLabel || s.stateLabel}，相似度 ${s.score}）`,
                }))}
              />
            </Form.Item>
            <Typography.Paragraph type="secondary">
              并案后原提案和全部提案人均保留，办理结果同样答复每位提案人。
            </Typography.Paragraph>
            {commentField('说明', false)}
          </>
        );
      case 'convert':
        return (
          <>
            <Form.Item name="target" label="转为" rules={[{ required: true, message: '请选择' }]}>
              <Radio.Group>
                <Radio value="suggestion">意见建议</Radio>
                <Radio value="opinion">社情民意信息</Radio>
              </Radio.Group>
            </Form.Item>
            {commentField('说明（将告知提案人）', false)}
          </>
        );
      case 'assign':
        return <AssignFields proposalId={detail.id} />;
      case 'rate':
        return (
          <>
            {isStaff && (
              <Form.Item name="memberId" label="代为评价的提案人" rules={[{ required: true, message: '请选择提案人' }]}>
                <Select
                  options={detail.raters
                    .filter((r) => !r.rated && r.memberId)
                    .map((r) => ({ value: r.memberId!, label: r.name }))}
                />
              </Form.Item>
            )}
            <Form.Item name="rating" label="对办理结果的评价" rules={[{ required: true, message: '请选择评价' }]}>
              {/* Plain radios, not solid buttons: nothing looks chosen (or red) until the member chooses. */}
              <Radio.Group
                options={RATING_OPTIONS}
                style={{ display: 'flex', flexWrap: 'wrap', gap: 16, fontSize: '1.125em' }}
              />
            </Form.Item>
            {commentField('意见（选择不满意时必填）', false)}
          </>
        );
      case 'recordContact':
        return (
          <>
            <Form.Item name="way" label="面商方式" rules={[{ required: true, message: '请选择面商方式' }]}>
              <Select
                options={['当面座谈', '电话沟通', '实地调研', '书面征求意见', '视频会议'].map((w) => ({
                  value: w,
                  label: w,
                }))}
              />
            </Form.Item>
            <Form.Item
              name="date"
              label="面商日期"
              initialValue={beijingToday()}
              rules={[{ required: true, message: '请选择日期' }]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(beijingToday(), 'day')} />
            </Form.Item>
            <Form.Item name="notes" label="面商情况">
              <Input.TextArea autoSize={{ minRows: 3 }} count={{ show: true, max: 4000 }} />
            </Form.Item>
          </>
        );
      case 'sendView':
        return (
          <Form.Item
            name="text"
            label="会办意见（送主办单位）"
            rules={[{ required: true, whitespace: true, message: '请填写会办意见' }]}
          >
            <Input.TextArea autoSize={{ minRows: 5 }} count={{ show: true, max: 40000 }} />
          </Form.Item>
        );
      case 'reply':
        return (
          <>
            <Form.Item name="outcomeClass" label="办理结果" rules={[{ required: true, message: '请选择办理结果' }]}>
              <Radio.Group>
                <Space direction="vertical">
                  {(rules.data?.outcomeClasses ?? []).map((c) => (
                    <Radio key={c.code} value={c.code}>
                      {c.code} 类：{c.label}
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name="text"
              label="答复内容"
              rules={[{ required: true, whitespace: true, message: '请填写答复内容' }]}
            >
              <Input.TextArea autoSize={{ minRows: 6 }} count={{ show: true, max: 40000 }} />
            </Form.Item>
            <ReplyLetter letter={letter} onChange={setLetter} />
            <Form.Item name="isPublic" valuePropName="checked">
              <Checkbox>答复可以公开</Checkbox>
            </Form.Item>
          </>
        );
      case 'approveReply':
        return (
          <Form.Item name="outcomeClass" label="更正办理结果类别（不更正则留空）">
            <Select
              allowClear
              options={(rules.data?.outcomeClasses ?? []).map((c) => ({
                value: c.code,
                label: `${c.code} 类：${c.label}`,
              }))}
            />
          </Form.Item>
        );
      case 'approveReturn':
        return (
          <>
            <Form.Item
              name="newUnitId"
              label="改交单位"
              rules={[{ required: pending?.role !== 'assisting', message: '请选择改交的承办单位' }]}
            >
              <Select allowClear showSearch optionFilterProp="label" options={units} />
            </Form.Item>
            {commentField('说明', false)}
          </>
        );
      default:
        return CONFIRM_ONLY.has(action) ? (
          <Typography.Paragraph>确定要「{pending?.label}」吗？</Typography.Paragraph>
        ) : (
          commentField(
            action === 'requestReturn' ? '申请退回的理由' : action === 'requestExtension' ? '申请延期的理由' : '意见',
          )
        );
    }
  };

  return (
    <Modal
      open={!!pending}
      title={pending?.label}
      onCancel={close}
      onOk={submit}
      okText="确定"
      cancelText={blocked ? '知道了' : '取消'}
      okButtonProps={{ style: blocked ? { display: 'none' } : undefined }}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
    >
      {pending && <PriorStep action={pending} />}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      {draft.notice}
      {!blocked && (
        <Form form={form} layout="vertical" size="large" preserve={false} onValuesChange={draft.onValuesChange}>
          {body()}
        </Form>
      )}
    </Modal>
  );
}
