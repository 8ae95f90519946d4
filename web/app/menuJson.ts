// The build's menu.json (vite.config.ts writes it into web/dist): the feature registry's menu data with each icon
// rendered to an <svg> string, so the server can draw the member's plain home (decision 0027) from the same registry
// as the app's menu, without React at run time. Runs in Node at build time (and in the server's tests).
import { isValidElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { featureRoutes } from '../features/index.ts';
import type { MenuRoute } from './homeData.ts';

/** One <svg …>…</svg> from an antd icon element ('' when there is none). */
function svgOf(icon: unknown): string {
  if (!isValidElement(icon)) return '';
  const html = renderToStaticMarkup(icon);
  return html.slice(html.indexOf('<svg'), html.lastIndexOf('</svg>') + 6);
}

/** The menu routes (path, label, group, order, permissions, icon as <svg> markup), in registry order. */
export function menuJson(): MenuRoute<string>[] {
  return featureRoutes
    .filter((r) => r.menu)
    .map((r) => ({
      path: r.path,
      menu: { ...r.menu!, icon: svgOf(r.menu!.icon) },
      ...(r.permissions ? { permissions: r.permissions } : {}),
    }));
}
