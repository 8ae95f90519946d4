// The menu built from the feature registry: entries the user may open, grouped by menu.group, ordered by menu.order.
import type { MenuProps } from 'antd';
import { createContext, type ReactNode, useContext } from 'react';
import type { Action } from '../../server/platform/auth/permissions.ts';
import type { FeatureRoute } from '../features/types.ts';
import * as data from './homeData.ts';

export type MenuEntry = data.MenuEntry<ReactNode>;
export const { routeUrl, allowed } = data;

/** Menu entries of the routes the user may open, in menu order. */
export function menuEntries(routes: FeatureRoute[], can: (a: Action) => boolean): MenuEntry[] {
  return data.menuEntries(routes, can);
}

/** antd Menu items: ungrouped entries first, then one titled group per menu.group (ordered by its first entry). */
export function menuItems(entries: MenuEntry[]): NonNullable<MenuProps['items']> {
  const items: NonNullable<MenuProps['items']> = [];
  const groups = new Map<string, MenuEntry[]>();
  for (const e of entries) {
    if (!e.group) items.push({ key: e.path, icon: e.icon, label: e.label });
    else groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
  }
  for (const [group, list] of groups) {
    items.push({
      type: 'group',
      key: `group:${group}`,
      label: group,
      children: list.map((e) => ({ key: e.path, icon: e.icon, label: e.label })),
    });
  }
  return items;
}

/** The menu key to highlight: the longest entry path that the current URL starts with. */
export function selectedKey(entries: MenuEntry[], pathname: string): string | undefined {
  let best: string | undefined;
  for (const e of entries) {
    const match = e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`);
    if (match && (!best || e.path.length > best.length)) best = e.path;
  }
  return best;
}

const MenuContext = createContext<MenuEntry[]>([]);

/** Provided by the layout: the menu entries of the signed-in user (for the home page's tiles). */
export const MenuProvider = MenuContext.Provider;

export function useMenuEntries(): MenuEntry[] {
  return useContext(MenuContext);
}
