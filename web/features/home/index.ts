// The home page (every signed-in user), at the app's root path.
import { HomeOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import type { FeatureRoute } from '../types.ts';

const HomePage = lazyPage(() => import('./HomePage.tsx').then((m) => m.HomePage));

export const homeRoutes: FeatureRoute[] = [
  { path: '', element: createElement(HomePage), menu: { label: '首页', icon: createElement(HomeOutlined), order: 0 } },
];
