// 协商成果 pages: the office's list, drafting, one outcome's page (also the units' feedback form), the unit's inbox.
import { AuditOutlined, InboxOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../../app/lazyPage.tsx';
import type { FeatureRoute } from '../../types.ts';

const OutcomeDetailPage = lazyPage(() => import('./pages/OutcomeDetailPage.tsx').then((m) => m.OutcomeDetailPage));
const OutcomeFormPage = lazyPage(() => import('./pages/OutcomeFormPage.tsx').then((m) => m.OutcomeFormPage));
const OutcomeListPage = lazyPage(() => import('./pages/OutcomeListPage.tsx').then((m) => m.OutcomeListPage));
const UnitOutcomesPage = lazyPage(() => import('./pages/UnitOutcomesPage.tsx').then((m) => m.UnitOutcomesPage));

const GROUP = '协商议政';

export const outcomeRoutes: FeatureRoute[] = [
  {
    path: 'consultations/outcomes',
    element: createElement(OutcomeListPage),
    menu: { label: '协商成果', icon: createElement(AuditOutlined), group: GROUP, order: 520 },
    permissions: ['consultationOutcome.read'],
  },
  {
    path: 'consultations/outcomes/new',
    element: createElement(OutcomeFormPage),
    permissions: ['consultationOutcome.manage'],
  },
  {
    path: 'consultations/outcomes/unit',
    element: createElement(UnitOutcomesPage),
    menu: { label: '交办的协商成果', icon: createElement(InboxOutlined), group: GROUP, order: 521 },
    permissions: ['consultationOutcome.feedback'],
  },
  {
    path: 'consultations/outcomes/:id',
    element: createElement(OutcomeDetailPage),
    permissions: ['consultationOutcome.read', 'consultationOutcome.feedback'],
  },
];
