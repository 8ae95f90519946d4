// <PageBoundary>: around every page (web/app/router.tsx). A page whose data could not be loaded (no network, timeout,
// server error) shows 加载失败 with the reason and 重试 — never an empty list that reads like 「暂无数据」. The
// QueryClient throws such errors here when a query has no data yet (throwOnError in web/app/App.tsx); 4xx answers
// stay with the page, which explains them itself. A page whose code failed to download offers a reload instead.
import { ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Button, Flex, Typography } from 'antd';
import { Component, type ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { errorMessage } from './ErrorAlert.tsx';

/** A failure of the connection or the server (not a refusal): worth retrying, never shown as an empty result. */
export function isConnectionError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const codeMissing = !(error instanceof ApiError);
  return (
    <Flex vertical align="center" gap={12} style={{ padding: '40px 16px', textAlign: 'center' }} role="alert">
      <WarningOutlined style={{ fontSize: 48, color: '#ad4e00' }} aria-hidden />
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="load-failed">
        加载失败
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0, maxWidth: 520 }}>
        {codeMissing ? '页面未能完整下载，可能是网络不稳定。' : errorMessage(error)}
      </Typography.Paragraph>
      <Button
        type="primary"
        size="large"
        icon={<ReloadOutlined />}
        onClick={codeMissing ? () => window.location.reload() : onRetry}
      >
        {codeMissing ? '刷新页面' : '重试'}
      </Button>
    </Flex>
  );
}

class Boundary extends Component<{ children: ReactNode; onReset: () => void }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    if (this.state.error) {
      return (
        <LoadFailed
          error={this.state.error}
          onRetry={() => {
            this.props.onReset();
            this.setState({ error: null });
          }}
        />
      );
    }
    return this.props.children;
  }
}

export function PageBoundary({ children }: { children: ReactNode }) {
  return (
    <QueryErrorResetBoundary>{({ reset }) => <Boundary onReset={reset}>{children}</Boundary>}</QueryErrorResetBoundary>
  );
}
