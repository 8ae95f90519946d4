// The 404 and 403 pages (a chunk of their own: antd's Result carries large illustrations).
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { usePageTitle } from '../components/PageHeader.tsx';

/** A full-page status (antd Result) with its title as the page title and a 返回首页 button. */
function StatusPage({ status, title, subTitle }: { status: '403' | '404'; title: string; subTitle: string }) {
  usePageTitle(title);
  const navigate = useNavigate();
  return (
    <Result
      status={status}
      title={title}
      subTitle={subTitle}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}

export function NotFound() {
  return <StatusPage status="404" title="页面不存在" subTitle="您访问的页面不存在或已被移除。" />;
}

export function Forbidden() {
  return (
    <StatusPage status="403" title="无权访问" subTitle="您的账号没有访问此页面的权限。如需开通，请联系系统管理员。" />
  );
}
