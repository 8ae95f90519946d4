// 随手拍 (phone first): a member photographs a problem, says where (typed, or the phone's position), describes it and
// marks it urgent or not. The text is kept locally until the server has it; photos are chosen again after a reload.
import { AimOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client.ts';
import { ErrorAlert, PageHeader, textRules, useFormDraft } from '../../../components/index.ts';
import type { StoredFile } from '../api.ts';
import { MediaUpload } from '../components/MediaUpload.tsx';

interface Values {
  text: string;
  place: string;
  urgent?: boolean;
}

export function NewReportPage() {
  const [form] = Form.useForm<Values>();
  const draft = useFormDraft(form, 'snapshot-report:new');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [position, setPosition] = useState<{ latitude: number; longitude: number } | null>(null);
  const [locating, setLocating] = useState<string | null>(null);
  const submit = useMutation({
    mutationFn: (v: Values) =>
      api.post<{ id: number }>('/api/supervision/reports', {
        text: v.text,
        place: v.place,
        urgent: !!v.urgent,
        fileIds: files.map((f) => f.id),
        ...(position ?? {}),
      }),
    onSuccess: ({ id }) => {
      draft.clear();
      message.success('已提交，工作人员审核后会交有关单位办理');
      navigate(`/supervision/${id}`);
    },
  });
  const locate = () => {
    if (!navigator.geolocation) {
      setLocating('此设备无法定位，请填写地点');
      return;
    }
    setLocating('正在定位…');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        const latitude = Math.round(p.coords.latitude * 1e6) / 1e6;
        const longitude = Math.round(p.coords.longitude * 1e6) / 1e6;
        setPosition({ latitude, longitude });
        if (!form.getFieldValue('place')) form.setFieldValue('place', `定位：${latitude}, ${longitude}`);
        setLocating(`已定位（${latitude}, ${longitude}）`);
      },
      () => setLocating('定位失败，请填写地点'),
      { timeout: 10_000 },
    );
  };
  return (
    <>
      <PageHeader title="随手拍" back="/supervision/mine" description="拍下身边的问题，政协交有关单位办理并答复。" />
      <Card>
        {draft.notice}
        <ErrorAlert error={submit.error} />
        <Form form={form} layout="vertical" onValuesChange={draft.onValuesChange} onFinish={(v) => submit.mutate(v)}>
          <Form.Item label="照片或短视频" required>
            <MediaUpload files={files} onChange={setFiles} />
          </Form.Item>
          <Form.Item name="text" label="问题描述" rules={textRules('问题描述', 1000, { trim: true, quote: 'both' })}>
            <Input.TextArea rows={4} count={{ show: true, max: 1000 }} />
          </Form.Item>
          <Form.Item name="place" label="地点" rules={textRules('地点', 100, { trim: true, quote: 'both' })}>
            <Input size="large" placeholder="如：东城街道幸福路口" />
          </Form.Item>
          <Form.Item>
            <Button icon={<AimOutlined />} onClick={locate}>
              使用当前位置
            </Button>
            {locating && <Typography.Text style={{ marginLeft: 8 }}>{locating}</Typography.Text>}
          </Form.Item>
          <Form.Item name="urgent" valuePropName="checked">
            <Checkbox>紧急（涉及安全等需要尽快处理）</Checkbox>
          </Form.Item>
          {!files.length && submit.isIdle && (
            <Typography.Paragraph>请至少上传一张照片或一段视频。</Typography.Paragraph>
          )}
          <Button type="primary" size="large" htmlType="submit" disabled={!files.length || submit.isPending}>
            提交
          </Button>
        </Form>
      </Card>
    </>
  );
}
