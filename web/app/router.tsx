// The app's routes: login and the forced password change outside the layout; every feature route (web/features)
// inside it, each behind its permissions; a Chinese 404. The feature registry (every route and its menu icon) is
// fetched with the signed-in frame, not by the login page: the router adds it on the first navigation inside the frame.
import { Spin } from 'antd';
import { type ReactNode, Suspense, useEffect } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { PageBoundary } from '../components/PageBoundary.tsx';
import type { FeatureRoute } from '../features/types.ts';
import { RouteError } from './ErrorBoundary.tsx';
import { lazyPage } from './lazyPage.tsx';
import { allowed } from './menu.tsx';
import { useSession } from './session.tsx';

// The forced password change and the signed-in frame are chunks of their own. The login page is not part of the app:
// the server sends it as plain HTML (web/login.html, decision 0023).
const FirstPasswordPage = lazyPage(() =>
  import('../features/auth/FirstPasswordPage.tsx').then((m) => m.FirstPasswordPage),
);
const loadLayout = () => import('./Layout.tsx');
const loadFeatures = () => import('../features/index.ts');
const AppLayout = lazyPage(() => loadLayout().then((m) => m.AppLayout));

// The first screen's code is requested now, while React starts, not once it has rendered down to the lazy route (each
// step of that chain costs a round trip on a phone's network: Lighthouse's largest paint).
const first = window.location.pathname;
if (first !== '/password' && !first.startsWith('/public/') && !first.startsWith('/join/')) {
  void loadLayout();
  void loadFeatures();
  if (first === '/') void import('../features/home/HomePage.tsx');
}
const PublicRoomPage = lazyPage(() =>
  import('../features/grassroots/pages/PublicRoomPage.tsx').then((m) => m.PublicRoomPage),
);
const PublicStudioPage = lazyPage(() =>
  import('../features/grassroots/pages/PublicStudioPage.tsx').then((m) => m.PublicStudioPage),
);
const PublicTopicPage = lazyPage(() =>
  import('../features/grassroots/pages/PublicTopicPage.tsx').then((m) => m.PublicTopicPage),
);
const PublicHomePage = lazyPage(() =>
  import('../features/public-site/pages/PublicHomePage.tsx').then((m) => m.PublicHomePage),
);
const PublicNewsPage = lazyPage(() =>
  import('../features/public-site/pages/PublicNewsPage.tsx').then((m) => m.PublicNewsPage),
);
const PublicProposalsPage = lazyPage(() =>
  import('../features/public-site/pages/PublicProposalsPage.tsx').then((m) => m.PublicProposalsPage),
);
const PublicIdeaPage = lazyPage(() =>
  import('../features/public-site/pages/PublicIdeaPage.tsx').then((m) => m.PublicIdeaPage),
);
const JoinDiscussionPage = lazyPage(() =>
  import('../features/consultations/discussions/pages/JoinDiscussionPage.tsx').then((m) => m.JoinDiscussionPage),
);

/** The app reached /login by itself (signed out, session ended): the server's page is loaded in its place. */
function ToServerLogin() {
  useEffect(() => window.location.replace(window.location.href), []);
  return null;
}

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
      element: <ToServerLogin />,
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
        ['/public/c/:code', <PublicHomePage key="c" />],
        ['/public/c/:code/news/:id', <PublicNewsPage key="cn" />],
        ['/public/c/:code/proposals', <PublicProposalsPage key="cp" />],
        ['/public/c/:code/ideas', <PublicIdeaPage key="ci" />],
        ['/join/discussion/:token', <JoinDiscussionPage key="d" />],
      ] as const
    ).map(([path, page]) => ({ path, element: <Loading>{page}</Loading>, errorElement: <RouteError /> })),
    // Pathless (its pages' paths start at the root): with a path of its own, '/' would match the frame alone, before
    // the registry is added, and show it empty.
    {
      element: (
        <Loading>
          <AppLayout />
        </Loading>
      ),
      id: FRAME,
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

const FRAME = 'frame';
let featuresAdded = false;

// Before the registry is added, every path inside the frame (even '/') matches only the 404 splat; React Router then asks
// patchRoutesOnNavigation (a splat match may hide a better one) and waits for it before showing anything. Later 404s
// ask again and find the registry already there.
export const router = createBrowserRouter(buildRoutes([]), {
  async patchRoutesOnNavigation({ patch, signal }) {
    if (featuresAdded) return;
    const { featureRoutes } = await loadFeatures();
    // React Router drops the patch of a navigation that a newer one has replaced (signing in navigates twice): the
    // flag is set only by a patch that is kept, or every page would stay a 404 until reloaded.
    if (featuresAdded || signal.aborted) return;
    featuresAdded = true;
    patch(FRAME, [{ errorElement: <RouteError />, children: featureRoutes.map(toRouteObject) }]);
  },
});
