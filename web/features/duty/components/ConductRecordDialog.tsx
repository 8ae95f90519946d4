// Record that a member did (or failed) a list item: the member, the day, the facts and grounds (shown to the member)
// and attachments. It becomes a duty fact and changes the member's score.
import { DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { AttachmentUpload } from '../../../components/AttachmentUpload.tsx';
import { textRules } from '../../../components/textRules.ts';
import type { ConductItem } from '../api.ts';
import { dutyKeys } from '../queries.ts';
import { MemberRecordDialog, useMemberRecord } from './MemberRecordDialog.tsx';

export function useConductRecordDialog(item: ConductItem | null, onSaved: () => void) {
  // Uploaded scans of the evidence (sign-in sheet, letter): only their ids go with the record.
  const [fileIds, setFileIds] = useState<number[]>([]);
  const r = useMemberRecord({
    draftKey: `duty-list-record:${item?.id ?? 0}`,
    post: (v) =>
      api.post(`/api/duty/lists/items/${item!.id}/records`, {
        memberId: v.memberId,
        occurredOn: v.occurredOn.format('YYYY-MM-DD'),
        evidence: v.evidence,
        ...(fileIds.length ? { fileIds } : {}),
      }),
    refresh: dutyKeys.all,
    onSaved: () => {
      setFileIds([]);
      onSaved();
    },
  });
  return { ...r, addFile: (id: number) => setFileIds((x) => [...x, id]) };
}

export function ConductRecordDialog({
  item,
  dialog,
  addFile,
}: {
  item: ConductItem | null;
  dialog: ReturnType<typeof useConductRecordDialog>['dialog'];
  addFile: (fileId: number) => void;
}) {
  return (
    <MemberRecordDialog
      title={item ? `登记：${item.title}` : '登记'}
      initialValues={{ occurredOn: dayjs() }}
      destroyOnHidden
      {...dialog}
    >
      {item?.evidenceRequired && <p>所需佐证：{item.evidenceRequired}</p>}
      <Form.Item name="occurredOn" label="发生日期" rules={[{ required: true, message: '请选择「发生日期」' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="evidence"
        label="事实与依据（委员可见）"
        rules={textRules('事实与依据', 1000, { unit: '个字符', quote: 'both' })}
      >
        <Input.TextArea rows={3} count={{ show: true, max: 1000 }} />
      </Form.Item>
      <Form.Item label="佐证材料">
        <AttachmentUpload label="上传佐证" onUploaded={addFile} />
      </Form.Item>
    </MemberRecordDialog>
  );
}
