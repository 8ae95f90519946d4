// 协商议事室・委员工作室・微建议・今日值班・12345热线 (menu group 协商议政). The public pages reached from their QR codes
// (pages/Public*Page.tsx) are outside the signed-in frame: web/app/router.tsx routes them.
import {
  HomeOutlined,
  MessageOutlined,
  PhoneOutlined,
  ScheduleOutlined,
  ShopOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import type { FeatureRoute } from '../types.ts';

const RoomsPage = lazyPage(() => import('./pages/RoomsPage.tsx').then((m) => m.RoomsPage));
const RoomPage = lazyPage(() => import('./pages/RoomPage.tsx').then((m) => m.RoomPage));
const SessionPage = lazyPage(() => import('./pages/SessionPage.tsx').then((m) => m.SessionPage));
const ItemsPage = lazyPage(() => import('./pages/ItemsPage.tsx').then((m) => m.ItemsPage));
const StudiosPage = lazyPage(() => import('./pages/StudiosPage.tsx').then((m) => m.StudiosPage));
const StudioPage = lazyPage(() => import('./pages/StudioPage.tsx').then((m) => m.StudioPage));
const HotlinePage = lazyPage(() => import('./pages/HotlinePage.tsx').then((m) => m.HotlinePage));
const ReceptionPage = lazyPage(() => import('./pages/ReceptionPage.tsx').then((m) => m.ReceptionPage));
const SuggestionsPage = lazyPage(() => import('./pages/SuggestionsPage.tsx').then((m) => m.SuggestionsPage));

const GROUP = '协商议政';

export const grassrootsRoutes: FeatureRoute[] = [
  {
    path: 'grassroots/rooms',
    element: createElement(RoomsPage),
    menu: { label: '协商议事室', icon: createElement(HomeOutlined), group: GROUP, order: 520 },
    permissions: ['grassroots.read'],
  },
  { path: 'grassroots/rooms/:id', element: createElement(RoomPage), permissions: ['grassroots.read'] },
  { path: 'grassroots/sessions/:id', element: createElement(SessionPage), permissions: ['grassroots.read'] },
  {
    path: 'grassroots/items',
    element: createElement(ItemsPage),
    menu: { label: '议定事项', icon: createElement(SolutionOutlined), group: GROUP, order: 521 },
    permissions: ['grassroots.manage', 'grassroots.feedback', 'grassroots.figures'],
  },
  {
    path: 'grassroots/studios',
    element: createElement(StudiosPage),
    menu: { label: '委员工作室', icon: createElement(ShopOutlined), group: GROUP, order: 522 },
    permissions: ['grassroots.read'],
  },
  { path: 'grassroots/studios/:id', element: createElement(StudioPage), permissions: ['grassroots.read'] },
  {
    path: 'grassroots/reception',
    element: createElement(ReceptionPage),
    menu: { label: '今日值班', icon: createElement(ScheduleOutlined), group: GROUP, order: 525 },
    permissions: ['grassroots.reception'],
  },
  {
    path: 'grassroots/suggestions',
    element: createElement(SuggestionsPage),
    menu: { label: '微建议', icon: createElement(MessageOutlined), group: GROUP, order: 523 },
    permissions: ['grassroots.read', 'grassroots.feedback'],
  },
  {
    path: 'grassroots/hotline',
    element: createElement(HotlinePage),
    menu: { label: '12345热线诉求', icon: createElement(PhoneOutlined), group: GROUP, order: 524 },
    permissions: ['grassroots.read'],
  },
];
