// The public form of a room (码上议) or studio (微建议): text, phone number and a one-time code; after sending, the
// resident's own topic page address (rooms) to follow its answer.
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, Result } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PhoneCodeFields } from '../../../components/PhoneCodeFields.tsx';

export function PublicSubmitForm({ kind, token, what }: { kind: 'rooms' | 'studios'; token: string; what: string }) {
  const [form] = Form.useForm();
  const [done, setDone] = useState<{ topicToken: string | null } | null>(null);
  const submit = useMutation({
    mutationFn: (v: object) => api.post<{ topicToken: string | null }>(`/api/public/${kind}/${token}/submissions`, v),
    onSuccess: setDone,
  });
  if (done)
    return (
      <Result
        status="success"
        title="已提交，感谢您的参与"
        extra={done.topicToken && <Link to={`/public/topics/${done.topicToken}`}>查看办理进展（请保存此页地址）</Link>}
      />
    );
  return (
    <Card title={what}>
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)}>
        <Form.Item
          name="title"
          label={kind === 'rooms' ? '议题' : '标题'}
          rules={[
            { required: true, message: '请填写' },
            { max: 100, message: '不能超过 100 个字' },
          ]}
        >
          <Input count={{ show: true, max: 100 }} />
        </Form.Item>
        <Form.Item name="body" label="具体内容" rules={[{ max: 2000, message: '不能超过 2000 个字' }]}>
          <Input.TextArea rows={4} count={{ show: true, max: 2000 }} />
        </Form.Item>
        <PhoneCodeFields form={form} codeUrl={`/api/public/${kind}/${token}/code`} />
        <ErrorAlert error={submit.error} />
        <Button type="primary" htmlType="submit" block loading={submit.isPending}>
          提交
        </Button>
      </Form>
    </Card>
  );
}
