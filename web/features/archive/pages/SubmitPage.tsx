// A member submits a first-hand account (三亲): title, kind, text, period/place/people, photos, scans or audio, and the
// copyright consent; the text is kept locally until the server has it.
import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, Radio, Select, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { choices, ErrorAlert, PageHeader, textRules, useFormDraft } from '../../../components/index.ts';
import { useTopics, useVillages } from '../queries.ts';

export function SubmitPage() {
  const [form] = Form.useForm();
  const draft = useFormDraft(form, 'archive-article:new');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [files, setFiles] = useState<{ id: number; name: string }[]>([]);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const topics = useTopics();
  // Opened from a village history's page (为本村史投稿): the account is filed under that project.
  const villageId = Number(useSearchParams()[0].get('villageId')) || undefined;
  const villages = useVillages(true);
  const submit = useMutation({
    mutationFn: (v: any) =>
      api.post<{ id: number }>('/api/archive/articles', {
        ...v,
        consent: !!v.consent,
        persons: v.persons ?? [],
        tags: v.tags ?? [],
        fileIds: files.map((f) => f.id),
      }),
    onSuccess: ({ id }) => {
      draft.clear();
      message.success('已提交，感谢您提供史料');
      navigate(`/archive/articles/${id}`);
    },
  });
  return (
    <>
      <PageHeader title="提交三亲史料" back="/archive" description="亲历、亲见、亲闻的史实，配以照片、扫描件或录音。" />
      <Card>
        {draft.notice}
        <ErrorAlert error={uploadError ?? submit.error} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ accountKind: 'experienced', villageId }}
          onValuesChange={draft.onValuesChange}
          onFinish={(v) => submit.mutate(v)}
        >
          <Form.Item name="topicId" label="征集选题（可不选）">
            <Select
              allowClear
              size="large"
              options={(topics.data ?? [])
                .filter((t) => t.state === 'published')
                .map((t) => ({ value: t.id, label: t.title }))}
            />
          </Form.Item>
          <Form.Item name="villageId" label="归入村史（可不选）">
            <Select
              allowClear
              size="large"
              options={(villages.data?.items ?? []).map((v) => ({ value: v.id, label: `${v.township} · ${v.title}` }))}
            />
          </Form.Item>
          <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }, { max: 100 }]}>
            <Input size="large" />
          </Form.Item>
          <Form.Item name="accountKind" label="史料类别">
            <Radio.Group size="large" options={choices({ experienced: '亲历', witnessed: '亲见', heard: '亲闻' })} />
          </Form.Item>
          <Form.Item name="body" label="正文" rules={textRules('正文', 100000)}>
            <Input.TextArea rows={10} count={{ show: true, max: 100000 }} />
          </Form.Item>
          <Form.Item name="period" label="历史时期">
            <Input size="large" placeholder="如：改革开放初期" />
          </Form.Item>
          <Form.Item name="place" label="地点">
            <Input size="large" />
          </Form.Item>
          <Form.Item name="theme" label="主题">
            <Input size="large" />
          </Form.Item>
          <Form.Item name="persons" label="涉及人物">
            <Select mode="tags" size="large" open={false} placeholder="输入人名后回车" />
          </Form.Item>
          <Form.Item name="tags" label="标签">
            <Select mode="tags" size="large" open={false} placeholder="输入标签后回车" />
          </Form.Item>
          <Form.Item label="照片、扫描件或录音">
            <Upload
              showUploadList={false}
              customRequest={async ({ file }) => {
                setUploadError(null);
                try {
                  const f = await api.upload<{ id: number; name: string }>('/api/archive/uploads', file as File);
                  setFiles((xs) => [...xs, f]);
                } catch (e) {
                  setUploadError(e);
                }
              }}
            >
              <Button icon={<UploadOutlined />} size="large">
                上传文件（jpg、png、pdf、mp3、m4a）
              </Button>
            </Upload>
            <ul aria-label="已上传文件">
              {files.map((f) => (
                <li key={f.id}>{f.name}</li>
              ))}
            </ul>
          </Form.Item>
          <Form.Item
            name="consent"
            valuePropName="checked"
            rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('请同意授权后再提交'))) }]}
          >
            <Checkbox>本人同意授权政协编辑、出版和在平台上展示本稿件，并署名</Checkbox>
          </Form.Item>
          <Button type="primary" size="large" htmlType="submit" loading={submit.isPending}>
            提交
          </Button>
        </Form>
      </Card>
    </>
  );
}
