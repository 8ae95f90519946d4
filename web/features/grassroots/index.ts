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
import { lazyPage } from '../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../types.ts';

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
  route('grassroots/rooms', RoomsPage, ['grassroots.read'], menu('协商议事室', HomeOutlined, GROUP, 520)),
  route('grassroots/rooms/:id', RoomPage, ['grassroots.read']),
  route('grassroots/sessions/:id', SessionPage, ['grassroots.read']),
  route(
    'grassroots/items',
    ItemsPage,
    ['grassroots.manage', 'grassroots.feedback', 'grassroots.figures'],
    menu('议定事项', SolutionOutlined, GROUP, 521),
  ),
  route('grassroots/studios', StudiosPage, ['grassroots.read'], menu('委员工作室', ShopOutlined, GROUP, 522)),
  route('grassroots/studios/:id', StudioPage, ['grassroots.read']),
  route(
    'grassroots/reception',
    ReceptionPage,
    ['grassroots.reception'],
    menu('今日值班', ScheduleOutlined, GROUP, 525),
  ),
  route(
    'grassroots/suggestions',
    SuggestionsPage,
    ['grassroots.read', 'grassroots.feedback'],
    menu('微建议', MessageOutlined, GROUP, 523),
  ),
  route('grassroots/hotline', HotlinePage, ['grassroots.read'], menu('12345热线诉求', PhoneOutlined, GROUP, 524)),
];
