// The app's routes: login and the forced password change outside the layout; every feature route (web/features)
// inside it, each behind its permissions; a Chinese 404.
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { createBrowserRouter, type RouteObject, useNavigate } from 'react-router-dom';
import { usePageTitle } from '../components/index.ts';
import { FirstPasswordPage } from '../features/auth/FirstPasswordPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { featureRoutes } from '../features/index.ts';
import type { FeatureRoute } from '../features/types.ts';
import { RouteError } from './ErrorBoundary.tsx';
import { AppLayout } from './Layout.tsx';
import { allowed } from './menu.tsx';
import { useSession } from './session.tsx';

function NotFound() {
  usePageTitle('页面不存在');
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}

function Forbidden() {
  usePageTitle('无权访问');
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的账号没有访问此页面的权限。如需开通，请联系系统管理员。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}

function Guard({ route, children }: { route: FeatureRoute; children: ReactNode }) {
  const { can } = useSession();
  return allowed(route, can) ? children : <Forbidden />;
}

function toRouteObject(route: FeatureRoute): RouteObject {
  const element = <Guard route={route}>{route.element}</Guard>;
  const path = route.path.replace(/^\/+/, '');
  return path === '' ? { index: true, element } : { path, element };
}

export function buildRoutes(routes: FeatureRoute[]): RouteObject[] {
  return [
    { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
    { path: '/password', element: <FirstPasswordPage />, errorElement: <RouteError /> },
    {
      path: '/',
      element: <AppLayout />,
      errorElement: <RouteError />,
      children: [
        {
          errorElement: <RouteError />,
          children: [...routes.map(toRouteObject), { path: '*', element: <NotFound /> }],
        },
      ],
    },
  ];
}

export const router = createBrowserRouter(buildRoutes(featureRoutes));
