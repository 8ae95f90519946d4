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
import { lazyPage } from '../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../types.ts';

const AccountsPage = lazyPage(() => import('./pages/AccountsPage.tsx').then((m) => m.AccountsPage));
const CommitteesPage = lazyPage(() => import('./pages/CommitteesPage.tsx').then((m) => m.CommitteesPage));
const MembersPage = lazyPage(() => import('./pages/MembersPage.tsx').then((m) => m.MembersPage));
const InformantsPage = lazyPage(() => import('./pages/RefPages.tsx').then((m) => m.InformantsPage));
const OrganisationsPage = lazyPage(() => import('./pages/RefPages.tsx').then((m) => m.OrganisationsPage));
const ReferencePage = lazyPage(() => import('./pages/ReferencePage.tsx').then((m) => m.ReferencePage));
const UnitsPage = lazyPage(() => import('./pages/UnitsPage.tsx').then((m) => m.UnitsPage));

const GROUP = '组织管理';

export const orgRoutes: FeatureRoute[] = [
  route('org/members', MembersPage, ['org.read'], menu('委员管理', TeamOutlined, GROUP, 600)),
  route('org/reference', ReferencePage, ['org.read'], menu('基础数据', DatabaseOutlined, GROUP, 610)),
  route('org/units', UnitsPage, ['unit.read'], menu('承办单位', BankOutlined, GROUP, 620)),
  route('org/organisations', OrganisationsPage, ['org.read'], menu('党派团体', FlagOutlined, GROUP, 630)),
  route('org/informants', InformantsPage, ['informant.manage'], menu('信息员', IdcardOutlined, GROUP, 640)),
  route('org/accounts', AccountsPage, ['account.manage'], menu('账号管理', UserSwitchOutlined, GROUP, 650)),
  route('org/committees', CommitteesPage, ['committee.manage'], menu('政协组织', ApartmentOutlined, GROUP, 660)),
];
