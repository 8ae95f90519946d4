// What the home page shows, without React: the menu entries a user may open (from the feature registry's menu data),
// their grouping into the home's tiles, and the greeting. The React app (menu.tsx, HomePage.tsx) and the server's plain
// home for members (server/platform/home-page.ts, decision 0027) both use these, so the two homes cannot drift apart.
import type { Action } from '../../server/platform/auth/permissions.ts';

/** A route's menu data: I is the icon (a React element in the app, an <svg> string in the build's menu.json). */
export interface MenuRoute<I> {
  path: string;
  menu?: { label: string; icon?: I; group?: string; order?: number };
  permissions?: Action[];
}

export interface MenuEntry<I> {
  /** The URL, e.g. '/proposals/mine'. */
  path: string;
  label: string;
  icon?: I;
  group?: string;
  order: number;
}

export const routeUrl = (path: string) => `/${path.replace(/^\/+/, '')}`;

/** True when the route has no permissions or the user holds any of them. */
export function allowed(route: { permissions?: Action[] }, can: (a: Action) => boolean): boolean {
  return !route.permissions?.length || route.permissions.some((p) => can(p));
}

/** Menu entries of the routes the user may open, in menu order (menu.order, 100 when unset). */
export function menuEntries<I>(routes: MenuRoute<I>[], can: (a: Action) => boolean): MenuEntry<I>[] {
  return routes
    .filter((r) => r.menu && allowed(r, can))
    .map((r) => ({
      path: routeUrl(r.path),
      label: r.menu!.label,
      icon: r.menu!.icon,
      group: r.menu!.group,
      order: r.menu!.order ?? 100,
    }))
    .sort((a, b) => a.order - b.order);
}

/** The title of the home's first tile group: the entries without a menu group. */
export const UNGROUPED = '常用功能';

/** The home's tiles: every entry but 首页 itself, by menu group (ungrouped ones first, under 常用功能), in menu order. */
export function tileSections<E extends { path: string; group?: string }>(entries: E[]): [string, E[]][] {
  const out = new Map<string, E[]>();
  for (const t of entries) {
    if (t.path === '/') continue;
    const g = t.group ?? UNGROUPED;
    out.set(g, [...(out.get(g) ?? []), t]);
  }
  const list = [...out];
  return [...list.filter(([g]) => g === UNGROUPED), ...list.filter(([g]) => g !== UNGROUPED)];
}

/** 上午好 … 晚上好 for an hour of the day in Beijing time (0–23). */
export function greeting(hour: number): string {
  if (hour < 6) return '您好';
  if (hour < 11) return '上午好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}
