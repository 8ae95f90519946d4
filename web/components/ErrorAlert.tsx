// <ErrorAlert error={query.error} />: the server's Chinese message (ApiError.message) in a red box; nothing when no error.
import { Alert } from 'antd';
import { ApiError } from '../api/client.ts';

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return '无法连接服务器，请检查网络后重试';
  return '操作失败，请稍后重试';
}

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={title ?? errorMessage(error)}
      description={title ? errorMessage(error) : undefined}
    />
  );
}
