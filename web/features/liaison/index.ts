// 联系: 我的联系 for members (and leaders who are members); 联系工作 with coverage for staff.
import { ContactsOutlined, TeamOutlined } from '@ant-design/icons';
import { lazyPages } from '../../app/lazyPage.tsx';
import { GROUP } from '../meetings/index.ts';
import { type FeatureRoute, menu, route } from '../types.ts';

const pages = lazyPages(import.meta.glob('./pages/*.tsx'));

export const liaisonRoutes: FeatureRoute[] = [
  route('liaison/mine', pages.MyContactsPage, ['task.take'], menu('我的联系', ContactsOutlined, GROUP, 406)),
  route('liaison', pages.LiaisonPage, ['liaison.manage'], menu('联系工作', TeamOutlined, GROUP, 432)),
];
