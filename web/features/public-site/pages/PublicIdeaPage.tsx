// The public's proposal idea form (提案线索, /public/c/:code/ideas, no sign-in) with a phone's one-time code. Nothing is
// kept on the device: the public often use a shared phone.
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Result } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PhoneCodeFields } from '../../../components/PhoneCodeFields.tsx';
import { PublicFrame } from '../../../components/PublicFrame.tsx';
import { textRules } from '../../../components/textRules.ts';
import { SITE_FRAME } from '../components/siteFrame.ts';

export function PublicIdeaPage() {
  const code = useParams().code ?? '';
  const [form] = Form.useForm();
  const [done, setDone] = useState(false);
  const submit = useMutation({
    mutationFn: (v: object) => api.post(`/api/public/c/${code}/ideas`, v),
    onSuccess: () => setDone(true),
  });
  if (done)
    return (
      <Result status="success" title="已提交，感谢您的建议" extra={<Link to={`/public/c/${code}`}>返回首页</Link>} />
    );
  return (
    <PublicFrame {...SITE_FRAME} title="提案线索">
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)}>
        <Form.Item name="title" label="标题" rules={textRules('标题', 50, { unit: '个字', quote: 'none' })}>
          <Input count={{ show: true, max: 50 }} />
        </Form.Item>
        <Form.Item name="body" label="具体内容" rules={textRules('具体内容', 2000, { unit: '个字', quote: 'none' })}>
          <Input.TextArea rows={5} count={{ show: true, max: 2000 }} />
        </Form.Item>
        <PhoneCodeFields form={form} codeUrl={`/api/public/c/${code}/code`} />
        <ErrorAlert error={submit.error} />
        <Button type="primary" htmlType="submit" block disabled={submit.isPending}>
          提交
        </Button>
      </Form>
    </PublicFrame>
  );
}
