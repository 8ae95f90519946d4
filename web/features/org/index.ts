// 组织管理: members (with roster import), reference data, handling units, parties and organisations, informants,
// accounts and committees.
import {
  ApartmentOutlined,
  BankOutlined,
  DatabaseOutlined,
  FlagOutlined,
  IdcardOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import type { FeatureRoute } from '../types.ts';

const AccountsPage = lazyPage(() => import('./pages/AccountsPage.tsx').then((m) => m.AccountsPage));
const CommitteesPage = lazyPage(() => import('./pages/CommitteesPage.tsx').then((m) => m.CommitteesPage));
const MembersPage = lazyPage(() => import('./pages/MembersPage.tsx').then((m) => m.MembersPage));
const InformantsPage = lazyPage(() => import('./pages/InformantsPage.tsx').then((m) => m.InformantsPage));
const OrganisationsPage = lazyPage(() => import('./pages/OrganisationsPage.tsx').then((m) => m.OrganisationsPage));
const ReferencePage = lazyPage(() => import('./pages/ReferencePage.tsx').then((m) => m.ReferencePage));
const UnitsPage = lazyPage(() => import('./pages/UnitsPage.tsx').then((m) => m.UnitsPage));

const GROUP = '组织管理';

export const orgRoutes: FeatureRoute[] = [
  {
    path: 'org/members',
    element: createElement(MembersPage),
    menu: { label: '委员管理', icon: createElement(TeamOutlined), group: GROUP, order: 600 },
    permissions: ['org.read'],
  },
  {
    path: 'org/reference',
    element: createElement(ReferencePage),
    menu: { label: '基础数据', icon: createElement(DatabaseOutlined), group: GROUP, order: 610 },
    permissions: ['org.read'],
  },
  {
    path: 'org/units',
    element: createElement(UnitsPage),
    menu: { label: '承办单位', icon: createElement(BankOutlined), group: GROUP, order: 620 },
    permissions: ['unit.read'],
  },
  {
    path: 'org/organisations',
    element: createElement(OrganisationsPage),
    menu: { label: '党派团体', icon: createElement(FlagOutlined), group: GROUP, order: 630 },
    permissions: ['org.read'],
  },
  {
    path: 'org/informants',
    element: createElement(InformantsPage),
    menu: { label: '信息员', icon: createElement(IdcardOutlined), group: GROUP, order: 640 },
    permissions: ['informant.manage'],
  },
  {
    path: 'org/accounts',
    element: createElement(AccountsPage),
    menu: { label: '账号管理', icon: createElement(UserSwitchOutlined), group: GROUP, order: 650 },
    permissions: ['account.manage'],
  },
  {
    path: 'org/committees',
    element: createElement(CommitteesPage),
    menu: { label: '政协组织', icon: createElement(ApartmentOutlined), group: GROUP, order: 660 },
    permissions: ['committee.manage'],
  },
];
