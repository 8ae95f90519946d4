// 派单与承诺: 我的派单 and 我的承诺 for members; 季度派单 and 承诺践诺 for staff.
import { CarryOutOutlined, FlagOutlined, ScheduleOutlined, SolutionOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import { GROUP } from '../meetings/index.ts';
import type { FeatureRoute } from '../types.ts';

const MyTasksPage = lazyPage(() => import('./pages/MyTasksPage.tsx').then((m) => m.MyTasksPage));
const StaffTasksPage = lazyPage(() => import('./pages/StaffTasksPage.tsx').then((m) => m.StaffTasksPage));
const TaskDetailPage = lazyPage(() => import('./pages/TaskDetailPage.tsx').then((m) => m.TaskDetailPage));
const MyCommitmentsPage = lazyPage(() => import('./pages/MyCommitmentsPage.tsx').then((m) => m.MyCommitmentsPage));
const StaffCommitmentsPage = lazyPage(() =>
  import('./pages/StaffCommitmentsPage.tsx').then((m) => m.StaffCommitmentsPage),
);

export const tasksRoutes: FeatureRoute[] = [
  {
    path: 'tasks/mine',
    element: createElement(MyTasksPage),
    menu: { label: '我的派单', icon: createElement(CarryOutOutlined), group: GROUP, order: 404 },
    permissions: ['task.take'],
  },
  {
    path: 'commitments/mine',
    element: createElement(MyCommitmentsPage),
    menu: { label: '我的承诺', icon: createElement(FlagOutlined), group: GROUP, order: 405 },
    permissions: ['commitment.make'],
  },
  {
    path: 'tasks',
    element: createElement(StaffTasksPage),
    menu: { label: '季度派单', icon: createElement(ScheduleOutlined), group: GROUP, order: 430 },
    permissions: ['task.manage'],
  },
  { path: 'tasks/:id', element: createElement(TaskDetailPage), permissions: ['task.manage'] },
  {
    path: 'commitments',
    element: createElement(StaffCommitmentsPage),
    menu: { label: '承诺践诺', icon: createElement(SolutionOutlined), group: GROUP, order: 431 },
    permissions: ['commitment.manage'],
  },
];
