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
import { lazyPages } from '../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../types.ts';

const pages = lazyPages(import.meta.glob('./pages/*.tsx'));

const GROUP = '组织管理';

export const orgRoutes: FeatureRoute[] = [
  route('org/members', pages.MembersPage, ['org.read'], menu('委员管理', TeamOutlined, GROUP, 600)),
  route('org/reference', pages.ReferencePage, ['org.read'], menu('基础数据', DatabaseOutlined, GROUP, 610)),
  route('org/units', pages.UnitsPage, ['unit.read'], menu('承办单位', BankOutlined, GROUP, 620)),
  route('org/organisations', pages.OrganisationsPage, ['org.read'], menu('党派团体', FlagOutlined, GROUP, 630)),
  route('org/informants', pages.InformantsPage, ['informant.manage'], menu('信息员', IdcardOutlined, GROUP, 640)),
  route('org/accounts', pages.AccountsPage, ['account.manage'], menu('账号管理', UserSwitchOutlined, GROUP, 650)),
  route('org/committees', pages.CommitteesPage, ['committee.manage'], menu('政协组织', ApartmentOutlined, GROUP, 660)),
];
