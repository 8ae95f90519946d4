// An invited citizen signs in to a discussion with a phone number and a one-time code.
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { api } from '../../../../api/client.ts';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';

export function SignIn({ base, onDone }: { base: string; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const code = useMutation({
    mutationFn: (phone: string) => api.post<{ minutes: number }>(`${base}/code`, { phone }),
    onSuccess: (r) => message.success(`验证码已发送，${r.minutes}分钟内有效`),
  });
  const signIn = useMutation({
    mutationFn: (v: { phone: string; code: string }) => api.post(`${base}/sign-in`, v),
    onSuccess: onDone,
  });
  return (
    <Card title="验证手机号后参与讨论">
      <Form form={form} layout="vertical" size="large" onFinish={(v) => signIn.mutate(v)}>
        <Form.Item
          name="phone"
          label="手机号码"
          rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: '请填写 11 位手机号码' }]}
        >
          <Input inputMode="tel" autoComplete="tel" maxLength={11} />
        </Form.Item>
        <Flex gap={8} align="flex-end">
          <Form.Item
            name="code"
            label="验证码"
            rules={[{ required: true, pattern: /^\d{6}$/, message: '请填写 6 位验证码' }]}
            style={{ flex: 1 }}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          </Form.Item>
          <Form.Item>
            <Button
              loading={code.isPending}
              onClick={() => form.validateFields(['phone']).then((v) => code.mutate(v.phone))}
            >
              获取验证码
            </Button>
          </Form.Item>
        </Flex>
        <Typography.Paragraph type="secondary">
          手机号码仅用于验证身份，加密保存，不会向其他参与者公开。
        </Typography.Paragraph>
        <ErrorAlert error={code.error ?? signIn.error} />
        <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
          验证并参与
        </Button>
      </Form>
    </Card>
  );
}
