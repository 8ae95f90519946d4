// The editor's version form of an article: title, text, editor's note and the village history it belongs to.
import { Button, Flex, Form, Input, Select } from 'antd';
import { ErrorAlert, textRules, useFormDraft } from '../../../components/index.ts';
import type { Article } from '../api.ts';
import { useVillages } from '../queries.ts';

export interface ArticleEditValues {
  title: string;
  body: string;
  editorNote?: string;
  villageId?: number | null;
}

/** The editor's version form: the text and the editor's note are kept on this device until the version is saved. */
export function ArticleEditForm({
  a,
  saving,
  error,
  onSave,
  onCancel,
}: {
  a: Article;
  saving: boolean;
  error: unknown;
  onSave: (v: ArticleEditValues) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<ArticleEditValues>();
  const draft = useFormDraft(form, `archive-article-edit:${a.id}`);
  const villages = useVillages(true);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ title: a.title, body: a.body, villageId: a.villageId }}
      onValuesChange={draft.onValuesChange}
      // the draft goes once the server has the version; a failed save keeps it (the error shows above)
      onFinish={(v) => onSave({ ...v, villageId: v.villageId ?? null }).then(draft.clear, () => {})}
    >
      {draft.notice}
      <ErrorAlert error={error} />
      <Form.Item name="title" label="标题" rules={textRules('标题', 100)}>
        <Input count={{ show: true, max: 100 }} />
      </Form.Item>
      <Form.Item name="body" label="正文" rules={textRules('正文', 100000)}>
        <Input.TextArea rows={14} count={{ show: true, max: 100000 }} />
      </Form.Item>
      <Form.Item name="editorNote" label="编辑说明" rules={textRules('编辑说明', 5000, { optional: true })}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="villageId" label="归入村史（可不选）">
        <Select
          allowClear
          options={(villages.data?.items ?? []).map((v) => ({ value: v.id, label: `${v.township} · ${v.title}` }))}
        />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存新版本
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </Flex>
    </Form>
  );
}
