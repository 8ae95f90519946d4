// An invited citizen signs in to a discussion with a phone number and a one-time code.
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form } from 'antd';
import { api } from '../../../../api/client.ts';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';
import { PhoneCodeFields } from '../../../../components/PhoneCodeFields.tsx';

export function SignIn({ base, onDone }: { base: string; onDone: () => void }) {
  const [form] = Form.useForm();
  const signIn = useMutation({
    mutationFn: (v: { phone: string; code: string }) => api.post(`${base}/sign-in`, v),
    onSuccess: onDone,
  });
  return (
    <Card title="验证手机号后参与讨论">
      <Form form={form} layout="vertical" size="large" onFinish={(v) => signIn.mutate(v)}>
        <PhoneCodeFields
          form={form}
          codeUrl={`${base}/code`}
          note="手机号码仅用于验证身份，加密保存，不会向其他参与者公开。"
        />
        <ErrorAlert error={signIn.error} />
        <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
          验证并参与
        </Button>
      </Form>
    </Card>
  );
}
