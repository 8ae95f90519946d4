// What the user sees when a page crashes: a Chinese message and a way back, never a blank screen.
import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useRouteError } from 'react-router-dom';

function CrashMessage({ detail }: { detail?: string }) {
  return (
    <Result
      status="error"
      title="页面出错了"
      subTitle={
        <>
          很抱歉，页面遇到了问题。请刷新页面重试；如果问题仍然存在，请联系系统管理员。
          {detail && <div style={{ marginTop: 8, fontSize: 14, wordBreak: 'break-all' }}>错误信息：{detail}</div>}
        </>
      }
      extra={[
        <Button key="reload" type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>,
        <Button key="home" onClick={() => window.location.assign('/')}>
          返回首页
        </Button>,
      ]}
    />
  );
}

/** Router errorElement: errors thrown while rendering a route. */
export function RouteError() {
  const error = useRouteError();
  console.error(error);
  return <CrashMessage detail={error instanceof Error ? error.message : undefined} />;
}

/** Catches render errors outside the router (providers, the router itself). */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (this.state.error) return <CrashMessage detail={this.state.error.message} />;
    return this.props.children;
  }
}
