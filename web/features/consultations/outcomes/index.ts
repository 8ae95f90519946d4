// 协商成果 pages: the office's list, drafting, one outcome's page (also the units' feedback form), the unit's inbox.
import { AuditOutlined, InboxOutlined } from '@ant-design/icons';
import { lazyPage } from '../../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../../types.ts';

const OutcomeDetailPage = lazyPage(() => import('./pages/OutcomeDetailPage.tsx').then((m) => m.OutcomeDetailPage));
const OutcomeFormPage = lazyPage(() => import('./pages/OutcomeFormPage.tsx').then((m) => m.OutcomeFormPage));
const OutcomeListPage = lazyPage(() => import('./pages/OutcomeListPage.tsx').then((m) => m.OutcomeListPage));
const UnitOutcomesPage = lazyPage(() => import('./pages/UnitOutcomesPage.tsx').then((m) => m.UnitOutcomesPage));

const GROUP = '协商议政';

export const outcomeRoutes: FeatureRoute[] = [
  route(
    'consultations/outcomes',
    OutcomeListPage,
    ['consultationOutcome.read'],
    menu('协商成果', AuditOutlined, GROUP, 520),
  ),
  route('consultations/outcomes/new', OutcomeFormPage, ['consultationOutcome.manage']),
  route(
    'consultations/outcomes/unit',
    UnitOutcomesPage,
    ['consultationOutcome.feedback'],
    menu('交办的协商成果', InboxOutlined, GROUP, 521),
  ),
  route('consultations/outcomes/:id', OutcomeDetailPage, ['consultationOutcome.read', 'consultationOutcome.feedback']),
];
