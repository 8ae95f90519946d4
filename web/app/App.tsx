// Providers around the router: Ant Design in Chinese with the large-text theme, TanStack Query, the session.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { RouterProvider } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { EmptyText } from '../components/EmptyText.tsx';
import { NetworkBanner } from '../components/NetworkBanner.tsx';
import { isConnectionError } from '../components/PageBoundary.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { router } from './router.tsx';
import { SessionProvider } from './session.tsx';
import { TextSizeProvider } from './textSize.tsx';
import { theme } from './theme.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx answer (not found, forbidden, bad input) will not change on retry; a lost connection may.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 10_000,
      // Offline, requests are tried (and fail with a clear message) rather than paused: a paused query left lists
      // showing 「暂无数据」 (issue 12).
      networkMode: 'always',
      // A page with nothing loaded because of the network shows PageBoundary's 加载失败 + 重试, not an empty list.
      // Queries marked meta.background (typing suggestions, pickers, the bell) fail quietly instead: they must not
      // replace a page holding what the member typed.
      throwOnError: (error, query) =>
        query.state.data === undefined && isConnectionError(error) && query.meta?.background !== true,
    },
    // A save made offline fails at once with the network message, instead of being sent later without a word.
    mutations: { networkMode: 'always' },
  },
});

/**
 * The empty state of every antd table, list and select in the app: 暂无数据 in the theme's secondary text colour
 * (EmptyText). antd's default greys it to #bfbfbf (contrast 1.8:1), which axe refuses; a page's own
 * `locale.emptyText` still wins. 'Table.filter' keeps antd's own (null lets the filter dropdown decide).
 */
function renderEmpty(componentName?: string) {
  return componentName === 'Table.filter' ? null : <EmptyText />;
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }} renderEmpty={renderEmpty}>
      <AntApp>
        <ErrorBoundary>
          <QueryClientProvider client={queryClient}>
            <NetworkBanner />
            <SessionProvider>
              <TextSizeProvider>
                <RouterProvider router={router} />
              </TextSizeProvider>
            </SessionProvider>
          </QueryClientProvider>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
