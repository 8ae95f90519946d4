// A new learning material: a file within the committee's limits (document, PDF, audio or video) and its details.
import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Select, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { DraftForm } from '../../../components/DraftForm.tsx';
import { textRules, useFormDraft } from '../../../components/index.ts';

export const KINDS = [
  { value: 'video', label: '视频（mp4、webm）' },
  { value: 'audio', label: '音频（mp3、m4a）' },
  { value: 'pdf', label: 'PDF' },
  { value: 'document', label: '文档（doc、docx、pdf）' },
];

export function NewMaterial({ onDone }: { onDone: () => void }) {
  const [form] = Form.useForm();
  // The description is a paragraph or two: kept on this device until the material is saved.
  const draft = useFormDraft(form, 'learning-material:new');
  const kind = Form.useWatch('kind', form) ?? 'video';
  const [file, setFile] = useState<{ id: number; name: string } | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: (v: any) => api.post<{ id: number }>('/api/learning/materials', { ...v, fileId: file?.id }),
    onSuccess: () => {
      draft.clear();
      form.resetFields();
      setFile(null);
      onDone();
    },
  });
  return (
    <Card title="新增学习资料" style={{ marginBottom: 16 }}>
      <DraftForm
        form={form}
        draft={draft}
        error={uploadError ?? create.error}
        initialValues={{ kind: 'video' }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="title" label="资料名称" rules={[{ required: true, message: '请填写资料名称' }]}>
          <Input size="large" />
        </Form.Item>
        <Form.Item name="kind" label="资料类型">
          <Select options={KINDS} size="large" onChange={() => setFile(null)} />
        </Form.Item>
        <Form.Item name="theme" label="学习主题">
          <Input size="large" />
        </Form.Item>
        <Form.Item name="description" label="资料简介" rules={textRules('资料简介', 5000, { optional: true })}>
          <Input.TextArea rows={3} count={{ show: true, max: 5000 }} />
        </Form.Item>
        <Form.Item name="durationSeconds" label="时长（秒，音视频可填）">
          <InputNumber min={1} max={86400} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="资料文件" required>
          <Upload
            showUploadList={false}
            customRequest={async ({ file: f }) => {
              setUploadError(null);
              try {
                setFile(
                  await api.upload<{ id: number; name: string }>(`/api/learning/uploads?kind=${kind}`, f as File),
                );
              } catch (e) {
                setUploadError(e);
              }
            }}
          >
            <Button icon={<UploadOutlined />} size="large">
              {file ? `已上传：${file.name}` : '选择文件上传'}
            </Button>
          </Upload>
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" disabled={!file} loading={create.isPending}>
          保存为草稿
        </Button>
      </DraftForm>
    </Card>
  );
}
