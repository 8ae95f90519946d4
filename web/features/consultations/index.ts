// 协商 (menu group 协商议政): yearly plans with topic collection, events with their procedure and speeches, figures.
import { BarChartOutlined, CommentOutlined, ScheduleOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../types.ts';

const EventDetailPage = lazyPage(() => import('./pages/EventDetailPage.tsx').then((m) => m.EventDetailPage));
const EventsPage = lazyPage(() => import('./pages/EventsPage.tsx').then((m) => m.EventsPage));
const FiguresPage = lazyPage(() => import('./pages/FiguresPage.tsx').then((m) => m.FiguresPage));
const PlanDetailPage = lazyPage(() => import('./pages/PlanDetailPage.tsx').then((m) => m.PlanDetailPage));
const PlansPage = lazyPage(() => import('./pages/PlansPage.tsx').then((m) => m.PlansPage));

const GROUP = '协商议政';
const PLANS: FeatureRoute['permissions'] = ['consultation.read', 'consultation.suggest'];

export const consultationsRoutes: FeatureRoute[] = [
  route('consultations/events', EventsPage, ['consultation.read'], menu('协商活动', CommentOutlined, GROUP, 500)),
  route('consultations/events/:id', EventDetailPage, ['consultation.read']),
  route('consultations/plans', PlansPage, PLANS, menu('协商计划', ScheduleOutlined, GROUP, 501)),
  route('consultations/plans/:id', PlanDetailPage, PLANS),
  route('consultations/figures', FiguresPage, ['consultation.figures'], menu('协商数据', BarChartOutlined, GROUP, 502)),
];
