// What the user sees when a page crashes: a Chinese message and a way back, never a blank screen.
import { CloseCircleFilled } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useRouteError } from 'react-router-dom';

// Plain markup rather than antd's Result: this screen also shows when a page's code failed to download on a weak
// network, so it must not need another chunk itself.
function CrashMessage({ detail }: { detail?: string }) {
  return (
    <Flex vertical align="center" gap={16} style={{ padding: '48px 16px', textAlign: 'center' }} role="alert">
      <CloseCircleFilled style={{ fontSize: 64, color: '#cf1322' }} aria-hidden />
      <Typography.Title level={2} style={{ margin: 0 }}>
        页面出错了
      </Typography.Title>
      <Typography.Paragraph style={{ maxWidth: 560, margin: 0, fontSize: 16 }}>
        很抱歉，页面遇到了问题。请刷新页面重试；如果问题仍然存在，请联系系统管理员。
        {detail && (
          <span style={{ display: 'block', marginTop: 8, fontSize: 14, wordBreak: 'break-all' }}>
            错误信息：{detail}
          </span>
        )}
      </Typography.Paragraph>
      <Flex gap={12} wrap justify="center">
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
        <Button onClick={() => window.location.assign('/')}>返回首页</Button>
      </Flex>
    </Flex>
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
