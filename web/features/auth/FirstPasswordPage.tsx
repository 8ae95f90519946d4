// 首次登录修改密码: shown instead of every page while the account must change its password; the only other way out
// is 退出登录.
import { Button, Card, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router-dom';
import { useSession } from '../../app/session.tsx';
import { usePageTitle } from '../../components/PageHeader.tsx';
import { AuthFrame } from './AuthFrame.tsx';
import { PasswordForm } from './PasswordForm.tsx';

export function FirstPasswordPage() {
  usePageTitle('首次登录修改密码');
  const { me, loading, logout } = useSession();
  const navigate = useNavigate();
  if (loading) return null;
  if (!me) return <Navigate to="/login" replace />;
  if (!me.account.mustChangePassword) return <Navigate to="/account/password" replace />;
  return (
    <AuthFrame subtitle={`${me.committee.name} · ${me.account.displayName}`}>
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 22 }}>
          首次登录，请先修改密码
        </Typography.Title>
        <Typography.Paragraph>为了账号安全，请把管理员设置的初始密码改为只有您自己知道的新密码。</Typography.Paragraph>
        <PasswordForm submitText="修改密码并进入平台" onDone={() => navigate('/', { replace: true })} />
        <Button type="link" block style={{ marginTop: 8 }} onClick={logout}>
          退出登录
        </Button>
      </Card>
    </AuthFrame>
  );
}
