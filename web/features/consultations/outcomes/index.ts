// 协商成果 pages: the office's list, drafting, one outcome's page (also the units' feedback form), the unit's inbox.
import { AuditOutlined, InboxOutlined } from '@ant-design/icons';
import { lazyPages } from '../../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../../types.ts';

const pages = lazyPages(import.meta.glob('./pages/*.tsx'));

const GROUP = '协商议政';

export const outcomeRoutes: FeatureRoute[] = [
  route(
    'consultations/outcomes',
    pages.OutcomeListPage,
    ['consultationOutcome.read'],
    menu('协商成果', AuditOutlined, GROUP, 520),
  ),
  route('consultations/outcomes/new', pages.OutcomeFormPage, ['consultationOutcome.manage']),
  route(
    'consultations/outcomes/unit',
    pages.UnitOutcomesPage,
    ['consultationOutcome.feedback'],
    menu('交办的协商成果', InboxOutlined, GROUP, 521),
  ),
  route('consultations/outcomes/:id', pages.OutcomeDetailPage, [
    'consultationOutcome.read',
    'consultationOutcome.feedback',
  ]),
];
