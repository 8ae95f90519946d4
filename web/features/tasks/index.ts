// 派单与承诺: 我的派单 and 我的承诺 for members; 季度派单 and 承诺践诺 for staff.
import { CarryOutOutlined, FlagOutlined, ScheduleOutlined, SolutionOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage.tsx';
import { GROUP } from '../meetings/index.ts';
import { type FeatureRoute, menu, route } from '../types.ts';

const MyTasksPage = lazyPage(() => import('./pages/MyTasksPage.tsx').then((m) => m.MyTasksPage));
const StaffTasksPage = lazyPage(() => import('./pages/StaffTasksPage.tsx').then((m) => m.StaffTasksPage));
const TaskDetailPage = lazyPage(() => import('./pages/TaskDetailPage.tsx').then((m) => m.TaskDetailPage));
const MyCommitmentsPage = lazyPage(() => import('./pages/MyCommitmentsPage.tsx').then((m) => m.MyCommitmentsPage));
const StaffCommitmentsPage = lazyPage(() =>
  import('./pages/StaffCommitmentsPage.tsx').then((m) => m.StaffCommitmentsPage),
);

export const tasksRoutes: FeatureRoute[] = [
  route('tasks/mine', MyTasksPage, ['task.take'], menu('我的派单', CarryOutOutlined, GROUP, 404)),
  route('commitments/mine', MyCommitmentsPage, ['commitment.make'], menu('我的承诺', FlagOutlined, GROUP, 405)),
  route('tasks', StaffTasksPage, ['task.manage'], menu('季度派单', ScheduleOutlined, GROUP, 430)),
  route('tasks/:id', TaskDetailPage, ['task.manage']),
  route('commitments', StaffCommitmentsPage, ['commitment.manage'], menu('承诺践诺', SolutionOutlined, GROUP, 431)),
];
