// 联系: 我的联系 for members (and leaders who are members); 联系工作 with coverage for staff.
import { ContactsOutlined, TeamOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import { GROUP } from '../meetings/index.ts';
import type { FeatureRoute } from '../types.ts';

const MyContactsPage = lazyPage(() => import('./pages/MyContactsPage.tsx').then((m) => m.MyContactsPage));
const LiaisonPage = lazyPage(() => import('./pages/LiaisonPage.tsx').then((m) => m.LiaisonPage));

export const liaisonRoutes: FeatureRoute[] = [
  {
    path: 'liaison/mine',
    element: createElement(MyContactsPage),
    menu: { label: '我的联系', icon: createElement(ContactsOutlined), group: GROUP, order: 406 },
    permissions: ['task.take'],
  },
  {
    path: 'liaison',
    element: createElement(LiaisonPage),
    menu: { label: '联系工作', icon: createElement(TeamOutlined), group: GROUP, order: 432 },
    permissions: ['liaison.manage'],
  },
];
