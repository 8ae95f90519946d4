// Account pages inside the app (the login and first-password pages sit outside the layout, in web/app/router.tsx).
import { KeyOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../types.ts';

const ChangePasswordPage = lazyPage(() => import('./ChangePasswordPage.tsx').then((m) => m.ChangePasswordPage));

export const authRoutes: FeatureRoute[] = [
  route('account/password', ChangePasswordPage, [], menu('修改密码', KeyOutlined, '个人中心', 910)),
];
