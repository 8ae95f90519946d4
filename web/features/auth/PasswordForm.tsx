// The password change form: old password, new password twice, the policy spelled out and checked as the user types;
// the server's message lands on the field it names.
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { errorMessage } from '../../components/ErrorAlert.tsx';

/** Mirrors the server's policy: at least 8 characters of at least three kinds. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '密码至少需要 8 个字符';
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (kinds < 3) return '密码需包含大写字母、小写字母、数字、符号中的至少三种';
  return null;
}

export const POLICY_TEXT =
  '新密码至少 8 个字符，并包含大写字母、小写字母、数字、符号中的至少三种，例如 Zhengxie@2026。';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export function PasswordForm({ onDone, submitText = '确认修改' }: { onDone: () => void; submitText?: string }) {
  const [form] = Form.useForm<Values>();
  const { me, refresh } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/auth/password', { oldPassword: v.oldPassword, newPassword: v.newPassword });
      await refresh();
      form.resetFields();
      onDone();
    } catch (err) {
      const field = err instanceof ApiError ? err.field : undefined;
      if (field === 'oldPassword' || field === 'newPassword')
        form.setFields([{ name: field, errors: [errorMessage(err)] }]);
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} size="large">
      <Alert type="info" showIcon title="密码要求" description={POLICY_TEXT} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={me?.account.username ?? ''} readOnly hidden />
      <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        rules={[
          { required: true, message: '请输入新密码' },
          {
            validator: (_, value: string) => {
              const problem = value ? passwordProblem(value) : null;
              return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="再次输入新密码"
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value: string) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {submitText}
      </Button>
    </Form>
  );
}
