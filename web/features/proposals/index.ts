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
import { type ComponentType, createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import { choices } from '../../components/choices.ts';
import { type FeatureRoute, menu, route } from '../types.ts';

const FiguresPage = lazyPage(() => import('./pages/FiguresPage.tsx').then((m) => m.FiguresPage));
const ProposalDetailPage = lazyPage(() => import('./pages/ProposalDetailPage.tsx').then((m) => m.ProposalDetailPage));
const ProposalFormPage = lazyPage(() => import('./pages/ProposalFormPage.tsx').then((m) => m.ProposalFormPage));
const ProposalListPage = lazyPage(() => import('./pages/ProposalListPage.tsx').then((m) => m.ProposalListPage));
const RulesPage = lazyPage(() => import('./pages/RulesPage.tsx').then((m) => m.RulesPage));
const AppraisalPage = lazyPage(() => import('./pages/AppraisalPage.tsx').then((m) => m.AppraisalPage));
const CommendationsPage = lazyPage(() => import('./pages/CommendationsPage.tsx').then((m) => m.CommendationsPage));
const DeadlineBoardPage = lazyPage(() => import('./pages/DeadlineBoardPage.tsx').then((m) => m.DeadlineBoardPage));

const GROUP = '提案工作';

const OFFICE_QUEUES = choices({
  preReview: '待预审',
  review: '待审查',
  assign: '待交办',
  assignApproval: '交办待审批',
  unitRequests: '退回/延期申请',
  replyReview: '答复审核',
  rating: '待评价',
  overdue: '已超期',
  all: '全部',
});

/** ProposalListPage or FiguresPage with the props of one menu entry, as a page of its own for route(). */
function withProps<P extends object>(Page: ComponentType<P>, props: P): ComponentType {
  return () => createElement(Page, props);
}

const MinePage = withProps(ProposalListPage, {
  title: '我的提案',
  scope: 'mine',
  canWrite: true,
  description: '您提出、联名或受邀附议的提案，点击案由查看办理进度和答复。',
});
const InboxPage = withProps(ProposalListPage, {
  title: '单位待办',
  scope: 'unit',
  unitTabs: true,
  description: '交办本单位的提案：请及时签收（或在期限内申请退回），与提案人沟通后按期答复。',
});
const AllPage = withProps(ProposalListPage, { title: '提案管理', scope: 'all', queues: OFFICE_QUEUES });
const KeyPage = withProps(ProposalListPage, { title: '重点提案', scope: 'all', isKey: true });
const UnitFiguresPage = withProps(FiguresPage, { unit: true });

export const proposalsRoutes: FeatureRoute[] = [
  route('proposals/mine', MinePage, ['proposal.file'], menu('我的提案', FileTextOutlined, GROUP, 200)),
  route('proposals/new', ProposalFormPage, ['proposal.file'], menu('撰写提案', EditOutlined, GROUP, 201)),
  route('proposals/inbox', InboxPage, ['proposal.handle'], menu('单位待办', InboxOutlined, GROUP, 202)),
  route(
    'proposals/unit-figures',
    UnitFiguresPage,
    ['proposal.handle'],
    menu('本单位统计', BarChartOutlined, GROUP, 202),
  ),
  route('proposals', AllPage, ['proposal.readAll'], menu('提案管理', ProfileOutlined, GROUP, 203)),
  route('proposals/deadlines', DeadlineBoardPage, ['proposal.readAll'], menu('办理督办', AlertOutlined, GROUP, 204)),
  route('proposals/key', KeyPage, ['proposal.key'], menu('重点提案', StarOutlined, GROUP, 205)),
  route('proposals/appraisal', AppraisalPage, ['proposal.figures'], menu('民主评议', AuditOutlined, GROUP, 206)),
  route(
    'proposals/commendations',
    CommendationsPage,
    ['proposal.commend'],
    menu('优秀提案', TrophyOutlined, GROUP, 207),
  ),
  route('proposals/figures', FiguresPage, ['proposal.figures'], menu('提案统计', BarChartOutlined, GROUP, 208)),
  route('proposals/rules', RulesPage, ['proposal.rules'], menu('提案规则', SettingOutlined, GROUP, 209)),
  route('proposals/:id', ProposalDetailPage, ['proposal.read']),
  route('proposals/:id/edit', ProposalFormPage, ['proposal.file']),
];
