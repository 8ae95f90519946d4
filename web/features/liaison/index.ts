// 联系: 我的联系 for members (and leaders who are members); 联系工作 with coverage for staff.
import { ContactsOutlined, TeamOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage.tsx';
import { GROUP } from '../meetings/index.ts';
import { type FeatureRoute, menu, route } from '../types.ts';

const MyContactsPage = lazyPage(() => import('./pages/MyContactsPage.tsx').then((m) => m.MyContactsPage));
const LiaisonPage = lazyPage(() => import('./pages/LiaisonPage.tsx').then((m) => m.LiaisonPage));

export const liaisonRoutes: FeatureRoute[] = [
  route('liaison/mine', MyContactsPage, ['task.take'], menu('我的联系', ContactsOutlined, GROUP, 406)),
  route('liaison', LiaisonPage, ['liaison.manage'], menu('联系工作', TeamOutlined, GROUP, 432)),
];
