// The dialog staff record something about one member in (a talk or resignation advice, a commendation): the member
// first, the page's own fields, then 保存. The page keeps the form and its draft (useMemberRecord), so what was typed
// survives a reload.
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { api } from '../../../api/client.ts';
import { DraftForm } from '../../../components/DraftForm.tsx';
import { ConfirmButton, type ConfirmButtonProps, useFormDraft } from '../../../components/index.ts';
import { MemberSelect } from '../../meetings/shared.tsx';

export function MemberRecordDialog({
  title,
  open,
  onClose,
  form,
  draft,
  error,
  saving,
  initialValues,
  onFinish,
  destroyOnHidden,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  form: FormInstance;
  draft: { notice: ReactNode; onValuesChange: (changed: any, all: any) => void };
  error: unknown;
  saving: boolean;
  initialValues: Record<string, unknown>;
  onFinish: (values: any) => void;
  destroyOnHidden?: boolean;
  children: ReactNode;
}) {
  return (
    <Modal title={title} open={open} onCancel={onClose} footer={null} destroyOnHidden={destroyOnHidden} forceRender>
      <DraftForm form={form} draft={draft} error={error} initialValues={initialValues} onFinish={onFinish}>
        <Form.Item name="memberId" label="委员" rules={[{ required: true, message: '请选择委员' }]}>
          <MemberSelect />
        </Form.Item>
        {children}
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
      </DraftForm>
    </Modal>
  );
}

/**
 * The page's side of the dialog: whether it is open, the form and its draft under `draftKey`, and the save that
 * posts, forgets the draft, closes and refreshes `refresh`. Spread `dialog` into <MemberRecordDialog>.
 */
export function useMemberRecord(o: {
  draftKey: string;
  post: (values: any) => Promise<unknown>;
  refresh: QueryKey;
  onSaved?: () => void;
}) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const draft = useFormDraft(form, open ? o.draftKey : null);
  const save = useMutation({
    mutationFn: o.post,
    onSuccess: () => {
      o.onSaved?.();
      draft.clear();
      setOpen(false);
      qc.invalidateQueries({ queryKey: o.refresh });
    },
  });
  return {
    form,
    start: () => setOpen(true),
    dialog: {
      open,
      onClose: () => setOpen(false),
      form,
      draft,
      error: save.error,
      saving: save.isPending,
      onFinish: (v: any) => save.mutate(v),
    },
  };
}

/**
 * A row's 撤销/删除 of such a record: a small danger ConfirmButton (any of its props) that DELETEs `url`, then
 * refreshes the queries under `refresh`.
 * `<RemoveButton confirm="确定删除这条记录吗？" url={`/api/duty/consequences/${id}`} refresh={dutyKeys.consequences}>删除</RemoveButton>`
 */
export function RemoveButton({
  url,
  refresh,
  ...button
}: Omit<ConfirmButtonProps, 'onConfirm'> & { url: string; refresh: QueryKey }) {
  const qc = useQueryClient();
  return (
    <ConfirmButton
      size="small"
      danger
      {...button}
      onConfirm={async () => {
        await api.del(url);
        qc.invalidateQueries({ queryKey: refresh });
      }}
    />
  );
}
