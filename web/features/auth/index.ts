// Account pages inside the app (the login and first-password pages sit outside the layout, in web/app/router.tsx).
import { KeyOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import type { FeatureRoute } from '../types.ts';

const ChangePasswordPage = lazyPage(() => import('./ChangePasswordPage.tsx').then((m) => m.ChangePasswordPage));

export const authRoutes: FeatureRoute[] = [
  {
    path: 'account/password',
    element: createElement(ChangePasswordPage),
    menu: { label: '修改密码', icon: createElement(KeyOutlined), group: '个人中心', order: 910 },
  },
];
