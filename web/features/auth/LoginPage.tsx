// 登录: username or mobile number + password; shows the server's Chinese message (wrong password with the tries
// left, or the lockout); a first login goes on to the forced password change.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client.ts';
import { safeNext } from '../../app/next.ts';
import { type Me, useSession } from '../../app/session.tsx';
import { errorMessage } from '../../components/ErrorAlert.tsx';
import { usePageTitle } from '../../components/PageHeader.tsx';
import { AuthFrame } from './AuthFrame.tsx';

/** Only same-site paths are followed after login. */
export function LoginPage() {
  usePageTitle('登录');
  const { me, setMe } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [error, setError] = useState<{ text: string; locked: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(search.get('next'));

  if (me) return <Navigate to={me.account.mustChangePassword ? '/password' : next} replace />;

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const signedIn = await api.post<Me>('/api/auth/login', {
        username: values.username.trim(),
        password: values.password,
      });
      queryClient.clear();
      setMe(signedIn);
      navigate(signedIn.account.mustChangePassword ? '/password' : next, { replace: true });
    } catch (err) {
      setError({ text: errorMessage(err), locked: err instanceof ApiError && err.status === 423 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame>
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 22 }}>
          用户登录
        </Typography.Title>
        {!error && search.get('next') && (
          <Alert
            type="info"
            showIcon
            title="请先登录"
            description="您还没有登录或登录已过期，登录后将回到刚才的页面。"
            style={{ marginBottom: 16 }}
          />
        )}
        {error && (
          <Alert
            type={error.locked ? 'warning' : 'error'}
            showIcon
            role="alert"
            title={error.locked ? '账号已锁定' : '登录失败'}
            description={error.text}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form layout="vertical" requiredMark={false} onFinish={submit} size="large" autoComplete="on">
          <Form.Item
            label="用户名或手机号"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名或手机号' }]}
          >
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ margin: '16px 0 0', fontSize: 15 }}>
          忘记密码或账号被锁定，请联系本级政协的系统管理员。连续输错 5 次密码，账号将锁定 15 分钟。
        </Typography.Paragraph>
      </Card>
    </AuthFrame>
  );
}
