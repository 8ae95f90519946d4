// lazyPage(() => import('./XPage.tsx').then((m) => m.XPage)): a page loaded only when its route is first opened, so
// the first screen downloads the shell and that one page, not every module (and ECharts only where a page charts).
// The layout's <Suspense> shows a spinner meanwhile; a failed chunk download (weak network) reaches the route's
// error boundary, which offers a reload.
// A feature's whole pages folder at once: `const page = lazyPages(import.meta.glob('./pages/*.tsx'))`, then
// `route('opinions/mine', page('MyOpinionsPage'), …)` — each page still its own chunk, loaded on first visit.
import { type ComponentType, lazy } from 'react';

export function lazyPage<C extends ComponentType<any>>(load: () => Promise<C>) {
  return lazy(async () => ({ default: await load() }));
}

/**
 * `modules`: what `import.meta.glob('./pages/*.tsx')` gives (path → loader; Vite needs the literal glob at the call
 * site). Returns `page(name)`: the lazy component exported as `name` by the file `<name>.tsx` of that folder.
 * Throws when the folder has no such file, so a misspelt page fails when the app starts, not when the route opens;
 * the same name twice gives the same component.
 */
export function lazyPages(modules: Record<string, () => Promise<unknown>>) {
  const made = new Map<string, ComponentType>();
  return (name: string): ComponentType => {
    const load = Object.entries(modules).find(([path]) => path.endsWith(`/${name}.tsx`))?.[1];
    if (!load) throw new Error(`lazyPages: no ${name}.tsx in this folder`);
    if (!made.has(name))
      made.set(
        name,
        lazyPage(async () => ((await load()) as Record<string, ComponentType>)[name]),
      );
    return made.get(name)!;
  };
}
