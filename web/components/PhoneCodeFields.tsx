// The phone number and one-time code fields of the public's forms (码上议, 微建议, 提案线索, 委员会客室): the code is asked for by the
// given route, the phone is kept in the form so the submission carries both. Also a discussion guest's sign-in
// (GuestSignIn), with its own `note` under the fields.
// <PhoneCodeFields form={form} codeUrl="/api/public/c/abc/code" note="手机号码仅用于……" />
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Form, type FormInstance, Input, Typography } from 'antd';
import { api } from '../api/client.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

const NOTE = '手机号码仅用于验证身份，加密保存，不会公开。';

/** `codeUrl`: the POST route sending a code to `{ phone }` (answers `{ minutes }`); `note`: the privacy line below. */
export function PhoneCodeFields({
  form,
  codeUrl,
  note = NOTE,
}: {
  form: FormInstance;
  codeUrl: string;
  note?: string;
}) {
  const { message } = App.useApp();
  const code = useMutation({
    mutationFn: (phone: string) => api.post<{ minutes: number }>(codeUrl, { phone }),
    onSuccess: (r) => message.success(`验证码已发送，${r.minutes}分钟内有效`),
  });
  return (
    <>
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
      <ErrorAlert error={code.error} />
      <Typography.Paragraph type="secondary">{note}</Typography.Paragraph>
    </>
  );
}
