// The dialog to write or edit a news item or notice (draft kept locally while typing); saving refreshes every list.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { api } from '../../../api/client.ts';
import { choices, ErrorAlert, textRules, useFormDraft } from '../../../components/index.ts';
import type { News } from '../api.ts';
import { publicSiteKeys } from '../queries.ts';

/** The two kinds of item, for the editor and the list's filter. */
export const KINDS: Record<string, string> = { news: '新闻', notice: '通知公告' };

/** The dialog, open while `editing` is set ('new' for a new item); closes itself after saving. */
export function NewsEditor({ editing, onClose }: { editing: News | 'new' | null; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const id = editing === 'new' ? 'new' : editing?.id;
  const draft = useFormDraft(form, editing ? `public-news:${id}` : null);
  const save = useMutation({
    mutationFn: (v: object) =>
      editing === 'new' ? api.post('/api/public-site/news', v) : api.put(`/api/public-site/news/${id}`, v),
    onSuccess: () => {
      message.success('已保存');
      draft.clear();
      qc.invalidateQueries({ queryKey: publicSiteKeys.all });
      onClose();
    },
  });
  return (
    <Modal
      open={!!editing}
      title={editing === 'new' ? '新建新闻公告' : '修改新闻公告'}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={editing && editing !== 'new' ? editing : { kind: 'news' }}
        onValuesChange={draft.onValuesChange}
        onFinish={(v) => save.mutate({ kind: v.kind, title: v.title, body: v.body })}
      >
        {draft.notice}
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Select options={choices(KINDS)} />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={textRules('标题', 100, { unit: '个字', quote: 'none' })}>
          <Input count={{ show: true, max: 100 }} />
        </Form.Item>
        <Form.Item name="body" label="正文" rules={textRules('正文', 20000, { unit: '个字', quote: 'none' })}>
          <Input.TextArea rows={10} count={{ show: true, max: 20000 }} />
        </Form.Item>
        <ErrorAlert error={save.error} />
      </Form>
    </Modal>
  );
}
