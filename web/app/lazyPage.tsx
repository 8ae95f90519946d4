// lazyPage(() => import('./XPage.tsx').then((m) => m.XPage)): a page loaded only when its route is first opened, so
// the first screen downloads the shell and that one page, not every module (and ECharts only where a page charts).
// The layout's <Suspense> shows a spinner meanwhile; a failed chunk download (weak network) reaches the route's
// error boundary, which offers a reload.
import { type ComponentType, lazy } from 'react';

export function lazyPage<C extends ComponentType<any>>(load: () => Promise<C>) {
  return lazy(async () => ({ default: await load() }));
}
