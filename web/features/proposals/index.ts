// 提案工作: pages and menu entries for members (我的提案, 撰写提案), handling units (单位待办), the proposal office and
// leaders (提案管理 with work queues, 办理督办, 重点提案, 民主评议, 优秀提案, 提案统计).
import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  EditOutlined,
  FileTextOutlined,
  InboxOutlined,
  ProfileOutlined,
  SettingOutlined,
  StarOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import type { FeatureRoute } from '../types.ts';

const FiguresPage = lazyPage(() => import('./pages/FiguresPage.tsx').then((m) => m.FiguresPage));
const ProposalDetailPage = lazyPage(() => import('./pages/ProposalDetailPage.tsx').then((m) => m.ProposalDetailPage));
const ProposalFormPage = lazyPage(() => import('./pages/ProposalFormPage.tsx').then((m) => m.ProposalFormPage));
const ProposalListPage = lazyPage(() => import('./pages/ProposalListPage.tsx').then((m) => m.ProposalListPage));
const RulesPage = lazyPage(() => import('./pages/RulesPage.tsx').then((m) => m.RulesPage));
const AppraisalPage = lazyPage(() => import('./pages/AppraisalPage.tsx').then((m) => m.AppraisalPage));
const CommendationsPage = lazyPage(() => import('./pages/CommendationsPage.tsx').then((m) => m.CommendationsPage));
const DeadlineBoardPage = lazyPage(() => import('./pages/DeadlineBoardPage.tsx').then((m) => m.DeadlineBoardPage));

const GROUP = '提案工作';

const OFFICE_QUEUES = [
  { key: 'preReview', label: '待预审' },
  { key: 'review', label: '待审查' },
  { key: 'assign', label: '待交办' },
  { key: 'assignApproval', label: '交办待审批' },
  { key: 'unitRequests', label: '退回/延期申请' },
  { key: 'replyReview', label: '答复审核' },
  { key: 'rating', label: '待评价' },
  { key: 'overdue', label: '已超期' },
  { key: 'all', label: '全部' },
];

export const proposalsRoutes: FeatureRoute[] = [
  {
    path: 'proposals/mine',
    element: createElement(ProposalListPage, {
      title: '我的提案',
      scope: 'mine',
      canWrite: true,
      description: '您提出、联名或受邀附议的提案，点击案由查看办理进度和答复。',
    }),
    menu: { label: '我的提案', icon: createElement(FileTextOutlined), group: GROUP, order: 200 },
    permissions: ['proposal.file'],
  },
  {
    path: 'proposals/new',
    element: createElement(ProposalFormPage),
    menu: { label: '撰写提案', icon: createElement(EditOutlined), group: GROUP, order: 201 },
    permissions: ['proposal.file'],
  },
  {
    path: 'proposals/inbox',
    element: createElement(ProposalListPage, {
      title: '单位待办',
      scope: 'unit',
      unitTabs: true,
      description: '交办本单位的提案：请及时签收（或在期限内申请退回），与提案人沟通后按期答复。',
    }),
    menu: { label: '单位待办', icon: createElement(InboxOutlined), group: GROUP, order: 202 },
    permissions: ['proposal.handle'],
  },
  {
    path: 'proposals/unit-figures',
    element: createElement(FiguresPage, { unit: true }),
    menu: { label: '本单位统计', icon: createElement(BarChartOutlined), group: GROUP, order: 202 },
    permissions: ['proposal.handle'],
  },
  {
    path: 'proposals',
    element: createElement(ProposalListPage, { title: '提案管理', scope: 'all', queues: OFFICE_QUEUES }),
    menu: { label: '提案管理', icon: createElement(ProfileOutlined), group: GROUP, order: 203 },
    permissions: ['proposal.readAll'],
  },
  {
    path: 'proposals/deadlines',
    element: createElement(DeadlineBoardPage),
    menu: { label: '办理督办', icon: createElement(AlertOutlined), group: GROUP, order: 204 },
    permissions: ['proposal.readAll'],
  },
  {
    path: 'proposals/key',
    element: createElement(ProposalListPage, { title: '重点提案', scope: 'all', isKey: true }),
    menu: { label: '重点提案', icon: createElement(StarOutlined), group: GROUP, order: 205 },
    permissions: ['proposal.key'],
  },
  {
    path: 'proposals/appraisal',
    element: createElement(AppraisalPage),
    menu: { label: '民主评议', icon: createElement(AuditOutlined), group: GROUP, order: 206 },
    permissions: ['proposal.figures'],
  },
  {
    path: 'proposals/commendations',
    element: createElement(CommendationsPage),
    menu: { label: '优秀提案', icon: createElement(TrophyOutlined), group: GROUP, order: 207 },
    permissions: ['proposal.commend'],
  },
  {
    path: 'proposals/figures',
    element: createElement(FiguresPage),
    menu: { label: '提案统计', icon: createElement(BarChartOutlined), group: GROUP, order: 208 },
    permissions: ['proposal.figures'],
  },
  {
    path: 'proposals/rules',
    element: createElement(RulesPage),
    menu: { label: '提案规则', icon: createElement(SettingOutlined), group: GROUP, order: 209 },
    permissions: ['proposal.rules'],
  },
  { path: 'proposals/:id', element: createElement(ProposalDetailPage), permissions: ['proposal.read'] },
  { path: 'proposals/:id/edit', element: createElement(ProposalFormPage), permissions: ['proposal.file'] },
];
