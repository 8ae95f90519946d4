// 工作日历: the administrator's view of the year's holidays, make-up working days and the committee's own changes.
import { CalendarOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import type { FeatureRoute } from '../types.ts';

// A route chunk (docs/architecture.md, Pages): a static import here would put the page into every first page's JS.
const WorkingCalendarPage = lazyPage(() => import('./WorkingCalendarPage.tsx').then((m) => m.WorkingCalendarPage));

export const calendarRoutes: FeatureRoute[] = [
  {
    path: 'settings/working-calendar',
    element: createElement(WorkingCalendarPage),
    menu: { label: '工作日历', icon: createElement(CalendarOutlined), group: '系统管理', order: 810 },
    permissions: ['settings.manage'],
  },
];
