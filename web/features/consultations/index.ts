// 协商 (menu group 协商议政): yearly plans with topic collection, events with their procedure and speeches, figures.
import { BarChartOutlined, CommentOutlined, ScheduleOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import type { FeatureRoute } from '../types.ts';

const EventDetailPage = lazyPage(() => import('./pages/EventDetailPage.tsx').then((m) => m.EventDetailPage));
const EventsPage = lazyPage(() => import('./pages/EventsPage.tsx').then((m) => m.EventsPage));
const FiguresPage = lazyPage(() => import('./pages/FiguresPage.tsx').then((m) => m.FiguresPage));
const PlanDetailPage = lazyPage(() => import('./pages/PlanDetailPage.tsx').then((m) => m.PlanDetailPage));
const PlansPage = lazyPage(() => import('./pages/PlansPage.tsx').then((m) => m.PlansPage));

const GROUP = '协商议政';

export const consultationsRoutes: FeatureRoute[] = [
  {
    path: 'consultations/events',
    element: createElement(EventsPage),
    menu: { label: '协商活动', icon: createElement(CommentOutlined), group: GROUP, order: 500 },
    permissions: ['consultation.read'],
  },
  { path: 'consultations/events/:id', element: createElement(EventDetailPage), permissions: ['consultation.read'] },
  {
    path: 'consultations/plans',
    element: createElement(PlansPage),
    menu: { label: '协商计划', icon: createElement(ScheduleOutlined), group: GROUP, order: 501 },
    permissions: ['consultation.read', 'consultation.suggest'],
  },
  {
    path: 'consultations/plans/:id',
    element: createElement(PlanDetailPage),
    permissions: ['consultation.read', 'consultation.suggest'],
  },
  {
    path: 'consultations/figures',
    element: createElement(FiguresPage),
    menu: { label: '协商数据', icon: createElement(BarChartOutlined), group: GROUP, order: 502 },
    permissions: ['consultation.figures'],
  },
];
