// 新建读书群 (office staff): the button and its dialog (POST /api/reading/groups); what is typed is kept on the
// device until the server has it.
import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import type { GroupInput } from '../../../../server/modules/reading/schemas.ts';
import { api } from '../../../api/client.ts';
import { FormDialog, useFormDialog, useFormDraft } from '../../../components/index.ts';
import { MemberSelect } from '../../meetings/shared.tsx';
import { lengthRules } from './lengthRules.ts';
import { useSaved } from './useSaved.ts';

export function NewGroupButton() {
  const dialog = useFormDialog<GroupInput>();
  const draft = useFormDraft(dialog.form, dialog.open ? 'reading-group:new' : null);
  const saved = useSaved(dialog.form, draft.clear, dialog.close);
  const create = useMutation({
    mutationFn: (v: GroupInput) =>
      api.post<{ id: number }>('/api/reading/groups', {
        name: v.name.trim(),
        description: v.description?.trim() ?? '',
        leadMemberId: v.leadMemberId,
        memberIds: v.memberIds,
      }),
    onSuccess: () => saved('已新建读书群'),
  });
  return (
    <>
      <Button size="large" type="primary" icon={<PlusOutlined />} onClick={dialog.show}>
        新建读书群
      </Button>
      <FormDialog
        title="新建读书群"
        dialog={dialog}
        mutation={create}
        notice={draft.notice}
        onValuesChange={draft.onValuesChange}
      >
        <Form.Item name="name" label="读书群名称" rules={lengthRules('读书群名称', 50)}>
          <Input size="large" count={{ show: true, max: 50 }} />
        </Form.Item>
        <Form.Item name="leadMemberId" label="领读人" rules={[{ required: true, message: '请选择领读人' }]}>
          <MemberSelect />
        </Form.Item>
        <Form.Item
          name="memberIds"
          label="成员"
          extra="领读人自动成为成员。"
          rules={[{ required: true, message: '请至少选择一位成员' }]}
        >
          <MemberSelect multiple />
        </Form.Item>
        <Form.Item name="description" label="简介" rules={lengthRules('简介', 2000, { optional: true })}>
          <Input.TextArea rows={3} count={{ show: true, max: 2000 }} />
        </Form.Item>
      </FormDialog>
    </>
  );
}
