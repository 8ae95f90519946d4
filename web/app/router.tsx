// The app's routes: login and the forced password change outside the layout; every feature route (web/features)
// inside it, each behind its permissions; a Chinese 404.
import { Spin } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { PageBoundary } from '../components/PageBoundary.tsx';
import { JoinDiscussionPage } from '../features/consultations/discussions/index.ts';
import { PublicRoomPage, PublicStudioPage, PublicTopicPage } from '../features/grassroots/index.ts';
import { featureRoutes } from '../features/index.ts';
import type { FeatureRoute } from '../features/types.ts';
import { RouteError } from './ErrorBoundary.tsx';
import { lazyPage } from './lazyPage.tsx';
import { allowed } from './menu.tsx';
import { useSession } from './session.tsx';

// The login page, the forced password change and the signed-in frame are chunks of their own: the login page does not
// download the menu, drawer and notification code, and the frame does not download the login form.
const LoginPage = lazyPage(() => import('../features/auth/LoginPage.tsx').then((m) => m.LoginPage));
const FirstPasswordPage = lazyPage(() =>
  import('../features/auth/FirstPasswordPage.tsx').then((m) => m.FirstPasswordPage),
);
const AppLayout = lazyPage(() => import('./Layout.tsx').then((m) => m.AppLayout));

function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
          <Spin size="large" description="正在加载…" />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

// 404 and 403 pages use antd's Result with its large illustrations: loaded only when shown.
const NotFound = lazyPage(() => import('./StatusPages.tsx').then((m) => m.NotFound));
const Forbidden = lazyPage(() => import('./StatusPages.tsx').then((m) => m.Forbidden));

function Guard({ route, children }: { route: FeatureRoute; children: ReactNode }) {
  const { can } = useSession();
  return allowed(route, can) ? (
    children
  ) : (
    <Suspense>
      <Forbidden />
    </Suspense>
  );
}

function toRouteObject(route: FeatureRoute): RouteObject {
  const element = (
    <Guard route={route}>
      <PageBoundary>{route.element}</PageBoundary>
    </Guard>
  );
  const path = route.path.replace(/^\/+/, '');
  return path === '' ? { index: true, element } : { path, element };
}

export function buildRoutes(routes: FeatureRoute[]): RouteObject[] {
  return [
    {
      path: '/login',
      element: (
        <Loading>
          <LoginPage />
        </Loading>
      ),
      errorElement: <RouteError />,
    },
    {
      path: '/password',
      element: (
        <Loading>
          <FirstPasswordPage />
        </Loading>
      ),
      errorElement: <RouteError />,
    },
    // The public pages residents reach from a room's or studio's QR code: no sign-in, outside the signed-in frame.
    ...(
      [
        ['/public/rooms/:token', <PublicRoomPage key="r" />],
        ['/public/studios/:token', <PublicStudioPage key="s" />],
        ['/public/topics/:token', <PublicTopicPage key="t" />],
        ['/join/discussion/:token', <JoinDiscussionPage key="d" />],
      ] as const
    ).map(([path, page]) => ({ path, element: <Loading>{page}</Loading>, errorElement: <RouteError /> })),
    {
      path: '/',
      element: (
        <Loading>
          <AppLayout />
        </Loading>
      ),
      errorElement: <RouteError />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            ...routes.map(toRouteObject),
            {
              path: '*',
              element: (
                <Loading>
                  <NotFound />
                </Loading>
              ),
            },
          ],
        },
      ],
    },
  ];
}

export const router = createBrowserRouter(buildRoutes(featureRoutes));
