// 履职档案: the member's own record; staff open any member's from /record/members/:id.
import { ProfileOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage.tsx';
import { GROUP } from '../meetings/index.ts';
import { type FeatureRoute, menu, route } from '../types.ts';

const RecordPage = lazyPage(() => import('./RecordPage.tsx').then((m) => m.RecordPage));

export const recordRoutes: FeatureRoute[] = [
  route('record/me', RecordPage, ['task.take'], menu('我的履职档案', ProfileOutlined, GROUP, 407)),
  route('record/members/:id', RecordPage, ['record.readAll']),
];
