// The home page (every signed-in user), at the app's root path.
import { HomeOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { FeatureRoute } from '../types.ts';
import { HomePage } from './HomePage.tsx';

export const homeRoutes: FeatureRoute[] = [
  { path: '', element: createElement(HomePage), menu: { label: '首页', icon: createElement(HomeOutlined), order: 0 } },
];
