// 履职档案: the member's own record; staff open any member's from /record/members/:id.
import { ProfileOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import { GROUP } from '../meetings/index.ts';
import type { FeatureRoute } from '../types.ts';

const RecordPage = lazyPage(() => import('./RecordPage.tsx').then((m) => m.RecordPage));

export const recordRoutes: FeatureRoute[] = [
  {
    path: 'record/me',
    element: createElement(RecordPage),
    menu: { label: '我的履职档案', icon: createElement(ProfileOutlined), group: GROUP, order: 407 },
    permissions: ['task.take'],
  },
  { path: 'record/members/:id', element: createElement(RecordPage), permissions: ['record.readAll'] },
];
