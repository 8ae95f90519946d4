// lazyPage(() => import('./XPage.tsx').then((m) => m.XPage)): a page loaded only when its route is first opened, so
// the first screen downloads the shell and that one page, not every module (and ECharts only where a page charts).
// The layout's <Suspense> shows a spinner meanwhile; a failed chunk download (weak network) reaches the route's
// error boundary, which offers a reload.
// A feature's whole pages folder at once: `const pages = lazyPages(import.meta.glob('./pages/*.tsx'))`, then
// `route('opinions/mine', pages.MyOpinionsPage, …)` — each page still its own chunk, loaded on first visit.
import { type ComponentType, lazy } from 'react';

export function lazyPage<C extends ComponentType<any>>(load: () => Promise<C>) {
  return lazy(async () => ({ default: await load() }));
}

/**
 * `modules`: what `import.meta.glob('./pages/*.tsx')` gives (path → loader; Vite needs the literal glob at the call
 * site). Returns the folder's pages by name: `pages.XPage` is the lazy component exported as `XPage` by `XPage.tsx`
 * (the same component each time). Reading a name the folder has no file for throws, so a misspelt page fails when
 * the app starts, not when the route opens.
 */
export function lazyPages(modules: Record<string, () => Promise<unknown>>): Record<string, ComponentType> {
  const made = new Map<string, ComponentType>();
  return new Proxy({} as Record<string, ComponentType>, {
    get(_, name) {
      const load = Object.entries(modules).find(([path]) => path.endsWith(`/${String(name)}.tsx`))?.[1];
      if (typeof name !== 'string' || !load) throw new Error(`lazyPages: no ${String(name)}.tsx in this folder`);
      if (!made.has(name))
        made.set(
          name,
          lazyPage(async () => ((await load()) as Record<string, ComponentType>)[name]),
        );
      return made.get(name);
    },
  });
}
