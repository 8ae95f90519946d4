// 党派团体 and 信息员: a page each that is one RefTable under its header; the pages differ only in the words, the
// reference table and the permission that may change it.

import type { Action } from '../../../../server/platform/auth/permissions.ts';
import { useSession } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/index.ts';
import { RefTable } from '../components/RefTable.tsx';
import { REF_CONFIGS } from '../refConfigs.ts';

/** A page of one reference table: `title` and `description` (zh_CN) above it; `manage` lets a user add and edit. */
function refPage(title: string, description: string, table: keyof typeof REF_CONFIGS, manage: Action) {
  return function RefPage() {
    const { can } = useSession();
    return (
      <>
        <PageHeader title={title} description={description} />
        <RefTable config={REF_CONFIGS[table]} canManage={can(manage)} />
      </>
    );
  };
}

/** 党派团体: parties and organisations that file proposals. */
export const OrganisationsPage = refPage(
  '党派团体',
  '可以提交集体提案和社情民意信息的民主党派和人民团体。',
  'organisations',
  'org.manage',
);

/** 信息员: people outside the committee who report 社情民意. */
export const InformantsPage = refPage(
  '信息员',
  '登记报送社情民意信息的信息员。有账号的信息员不能删除，可改为“已退出”。',
  'informants',
  'informant.manage',
);
