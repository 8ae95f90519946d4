// What a feature folder contributes to the app: its pages (routes) and menu entries, each gated by a permission.
import { type ComponentType, createElement, type ReactNode } from 'react';
import type { Action } from '../../server/platform/auth/permissions.ts';

export interface FeatureRoute {
  /** Path under the app, e.g. 'proposals' or 'proposals/:id'. */
  path: string;
  element: ReactNode;
  /** Shown in the menu when set; hidden from users who lack the permission. */
  menu?: { label: string; icon?: ReactNode; group?: string; order?: number };
  /** Any of these permissions lets the user see the page (none = every signed-in user). */
  permissions?: Action[];
}

/**
 * One route in one line: `route('duty/scores', ScoresPage, ['duty.readAll'], menu('履职积分', BarChartOutlined, GROUP, 420))`.
 * `Page` is the (lazy) page component; `permissions` as in FeatureRoute (omit or [] = every signed-in user).
 */
export function route(
  path: string,
  Page: ComponentType,
  permissions?: Action[],
  menuEntry?: FeatureRoute['menu'],
): FeatureRoute {
  return {
    path,
    element: createElement(Page),
    ...(menuEntry ? { menu: menuEntry } : {}),
    ...(permissions?.length ? { permissions } : {}),
  };
}

/** A menu entry for `route`: its label (zh_CN), icon component, menu group and order within the whole menu. */
export function menu(label: string, Icon: ComponentType, group: string, order: number): FeatureRoute['menu'] {
  return { label, icon: createElement(Icon), group, order };
}
