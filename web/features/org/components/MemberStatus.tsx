// A member's status (在任, 暂停, 离任 …) as a tag, and the dialog that changes it with a short reason.
import { DatePicker, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../api/client.ts';
import { beijingToday, toApiDate } from '../../../app/format.ts';
import { SaveDialog, useFormSave, validValues } from '../../../components/index.ts';
import { MEMBER_STATUS, type Member } from '../api.ts';
import { ToneTag } from '../ToneTag.tsx';

export function StatusTag({ status }: { status: string }) {
  const s = MEMBER_STATUS[status];
  return <ToneTag tone={s?.tone}>{s?.label ?? status}</ToneTag>;
}

export function StatusModal({ member, onClose }: { member: Member | null; onClose: (changed?: Member) => void }) {
  const [form] = Form.useForm();
  const saveState = useFormSave(form);
  useEffect(() => {
    if (member) {
      saveState.clear();
      form.resetFields();
      form.setFieldsValue({ date: beijingToday(), status: member.status === 'active' ? 'suspended' : 'active' });
    }
  }, [member, form, saveState.clear]);
  const status = Form.useWatch('status', form);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    await saveState.run(async () => {
      const m = await api.post<Member>(`/api/org/members/${member!.id}/status`, {
        status: v.status,
        date: toApiDate(v.date),
        ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
      });
      onClose(m);
    });
  };
  return (
    <SaveDialog
      open={!!member}
      title={`变更状态：${member?.name ?? ''}`}
      okText="确认变更"
      onOk={save}
      onCancel={() => onClose()}
      form={form}
      saveState={saveState}
    >
      <Form.Item label="新状态" name="status" rules={[{ required: true, message: '请选择「新状态」' }]}>
        <Select
          options={Object.entries(MEMBER_STATUS)
            .filter(([k]) => k !== member?.status)
            .map(([value, s]) => ({ value, label: s.label }))}
        />
      </Form.Item>
      <Form.Item label="变更日期" name="date" rules={[{ required: true, message: '请选择「变更日期」' }]}>
        <DatePicker style={{ width: '100%' }} inputReadOnly />
      </Form.Item>
      <Form.Item
        label="原因"
        name="reason"
        rules={[
          { required: status !== 'active', whitespace: true, message: '请填写「原因」' },
          { max: 200, message: '「原因」不能超过 200 个字符' },
        ]}
      >
        <Input.TextArea rows={3} count={{ show: true, max: 200 }} placeholder="例如 工作调动、因病请辞" />
      </Form.Item>
    </SaveDialog>
  );
}
