// The office's dialogs on one proposal: mark it a key proposal (leaders), record supervision (督办), the
// commendation steps (推荐, 评审, 不予评选).
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { toApiDate } from '../../../app/format.ts';
import { errorMessage, useFormDraft, validValues } from '../../../components/index.ts';
import type { Detail } from '../api.ts';

export function StaffDialogs({
  which,
  detail,
  onClose,
  onDone,
}: {
  which: 'key' | 'keyEvent' | 'commend' | null;
  detail: Detail;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const draft = useFormDraft(form, which ? `proposal-${which}:${detail.id}` : null);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const commendAction = Form.useWatch('action', form);
  const submit = async () => {
    const v: Record<string, any> | null = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      if (which === 'key') await api.put(`/api/proposals/${detail.id}/key`, v);
      if (which === 'keyEvent')
        await api.post(`/api/proposals/${detail.id}/key/events`, { ...v, date: toApiDate(v.date) });
      if (which === 'commend') await api.post(`/api/proposals/${detail.id}/commendation`, v);
      message.success('已保存');
      draft.clear();
      form.resetFields();
      onClose();
      onDone();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const commendOptions = detail.commendation
    ? detail.commendation.actions.map((a) => ({ value: a.action, label: a.label }))
    : [{ value: 'nominate', label: '推荐为优秀提案' }];
  return (
    <Modal
      open={!!which}
      title={which === 'key' ? '重点提案' : which === 'keyEvent' ? '记录督办情况' : '优秀提案评选'}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      onOk={submit}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
    >
      {draft.notice}
      <Form
        form={form}
        layout="vertical"
        size="large"
        preserve={false}
        onValuesChange={draft.onValuesChange}
        initialValues={
          which === 'key' && detail.key
            ? {
                governmentLeader: detail.key.governmentLeader,
                supervisingLeader: detail.key.supervisingLeader,
                note: detail.key.note,
              }
            : undefined
        }
      >
        {which === 'key' && (
          <>
            <Form.Item
              name="governmentLeader"
              label="领办的政府领导"
              rules={[{ required: true, whitespace: true, message: '请填写' }]}
            >
              <Input count={{ show: true, max: 100 }} placeholder="例如：副市长 王强" />
            </Form.Item>
            <Form.Item
              name="supervisingLeader"
              label="督办的政协领导"
              rules={[{ required: true, whitespace: true, message: '请填写' }]}
            >
              <Input count={{ show: true, max: 100 }} placeholder="例如：副主席 李明" />
            </Form.Item>
            <Form.Item name="note" label="备注">
              <Input.TextArea count={{ show: true, max: 2000 }} />
            </Form.Item>
          </>
        )}
        {which === 'keyEvent' && (
          <>
            <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
              <Select
                options={[
                  { value: 'visit', label: '督办视察' },
                  { value: 'consultation', label: '办理协商' },
                  { value: 'progress', label: '办理进展' },
                ]}
              />
            </Form.Item>
            <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="text" label="内容" rules={[{ required: true, whitespace: true, message: '请填写内容' }]}>
              <Input.TextArea autoSize={{ minRows: 4 }} count={{ show: true, max: 8000 }} />
            </Form.Item>
          </>
        )}
        {which === 'commend' && (
          <>
            <Form.Item name="action" label="操作" rules={[{ required: true, message: '请选择操作' }]}>
              <Select options={commendOptions} />
            </Form.Item>
            {commendAction === 'nominate' && (
              <Form.Item name="reason" label="推荐理由">
                <Input.TextArea count={{ show: true, max: 4000 }} />
              </Form.Item>
            )}
            {commendAction === 'evaluate' && (
              <>
                <Form.Item name="score" label="评审得分（0–100）" rules={[{ required: true, message: '请填写得分' }]}>
                  <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="opinion" label="评审意见">
                  <Input.TextArea count={{ show: true, max: 4000 }} />
                </Form.Item>
              </>
            )}
            {commendAction === 'drop' && (
              <Form.Item
                name="comment"
                label="理由"
                rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
              >
                <Input.TextArea count={{ show: true, max: 4000 }} />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
