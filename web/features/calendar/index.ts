// 工作日历: the administrator's view of the year's holidays, make-up working days and the committee's own changes.
import { CalendarOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../types.ts';

// A route chunk (docs/architecture.md, Pages): a static import here would put the page into every first page's JS.
const WorkingCalendarPage = lazyPage(() => import('./WorkingCalendarPage.tsx').then((m) => m.WorkingCalendarPage));

export const calendarRoutes: FeatureRoute[] = [
  route(
    'settings/working-calendar',
    WorkingCalendarPage,
    ['settings.manage'],
    menu('工作日历', CalendarOutlined, '系统管理', 810),
  ),
];
