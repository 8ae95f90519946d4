// What a feature folder contributes to the app: its pages (routes) and menu entries, each gated by a permission.
import type { ReactNode } from 'react';
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
