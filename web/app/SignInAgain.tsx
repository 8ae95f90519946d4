// The sign-in dialog for an expired session (issue 12): a request answered 401 waits while the member signs in again
// here, then is sent again — the page, and what was typed on it, stays. Only the same account may sign in (drafts and
// the open page are theirs); 取消 leaves for the login page, the local drafts still kept.
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { errorMessage } from '../components/ErrorAlert.tsx';
import type { Me } from './session.tsx';

export interface SignInAgainProps {
  username: string;
  displayName: string;
  onSignedIn: (me: Me) => void;
  onCancel: () => void;
}

export function SignInAgain({ username, displayName, onSignedIn, onCancel }: SignInAgainProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async ({ password }: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.post<Me>('/api/auth/login', { username, password }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="登录已过期，请重新登录"
      onCancel={onCancel}
      maskClosable={false}
      footer={null}
      destroyOnHidden
      data-testid="sign-in-again"
    >
      <Typography.Paragraph>
        为保护账号安全，长时间未操作后需要重新登录。您正在填写的内容仍在本页，登录后将自动继续刚才的操作。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" requiredMark={false} onFinish={submit} size="large">
        <Typography.Paragraph strong data-testid="sign-in-again-account">
          账号：{displayName}（{username}）
        </Typography.Paragraph>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录并继续
        </Button>
        <Button type="link" block onClick={onCancel} style={{ marginTop: 8 }}>
          取消，前往登录页
        </Button>
      </Form>
    </Modal>
  );
}
