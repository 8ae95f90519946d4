// 联系: 我的联系 for members (and leaders who are members); 联系工作 with coverage for staff.
import { ContactsOutlined, TeamOutlined } from '@ant-design/icons';
import { lazyPages } from '../../app/lazyPage.tsx';
import { GROUP } from '../meetings/index.ts';
import { type FeatureRoute, menu, route } from '../types.ts';

const page = lazyPages(import.meta.glob('./pages/*.tsx'));

export const liaisonRoutes: FeatureRoute[] = [
  route('liaison/mine', page('MyContactsPage'), ['task.take'], menu('我的联系', ContactsOutlined, GROUP, 406)),
  route('liaison', page('LiaisonPage'), ['liaison.manage'], menu('联系工作', TeamOutlined, GROUP, 432)),
];
