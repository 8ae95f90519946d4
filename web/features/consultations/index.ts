// 协商 (menu group 协商议政): yearly plans with topic collection, events with their procedure and speeches, figures.
import { BarChartOutlined, CommentOutlined, ScheduleOutlined } from '@ant-design/icons';
import { lazyPages } from '../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../types.ts';

const pages = lazyPages(import.meta.glob('./pages/*.tsx'));

const GROUP = '协商议政';
const PLANS: FeatureRoute['permissions'] = ['consultation.read', 'consultation.suggest'];

export const consultationsRoutes: FeatureRoute[] = [
  route('consultations/events', pages.EventsPage, ['consultation.read'], menu('协商活动', CommentOutlined, GROUP, 500)),
  route('consultations/events/:id', pages.EventDetailPage, ['consultation.read']),
  route('consultations/plans', pages.PlansPage, PLANS, menu('协商计划', ScheduleOutlined, GROUP, 501)),
  route('consultations/plans/:id', pages.PlanDetailPage, PLANS),
  route(
    'consultations/figures',
    pages.FiguresPage,
    ['consultation.figures'],
    menu('协商数据', BarChartOutlined, GROUP, 502),
  ),
];
