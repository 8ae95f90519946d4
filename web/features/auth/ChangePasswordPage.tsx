// 修改密码 inside the app: the same form, a success message, and the reminder that other devices are signed out.
import { App, Card } from 'antd';
import { PageHeader } from '../../components/index.ts';
import { PasswordForm } from './PasswordForm.tsx';

export function ChangePasswordPage() {
  const { message } = App.useApp();
  return (
    <>
      <PageHeader title="修改密码" description="修改后，您在其他设备上的登录将自动退出。" />
      <Card style={{ maxWidth: 560 }}>
        <PasswordForm onDone={() => message.success('密码已修改，请牢记新密码')} />
      </Card>
    </>
  );
}
