// 党派团体: parties and organisations that file proposals (a RefTable).
import { useSession } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/index.ts';
import { RefTable } from '../components/RefTable.tsx';
import { REF_CONFIGS } from '../refConfigs.ts';

export function OrganisationsPage() {
  const { can } = useSession();
  return (
    <>
      <PageHeader title="党派团体" description="可以提交集体提案和社情民意信息的民主党派和人民团体。" />
      <RefTable config={REF_CONFIGS.organisations} canManage={can('org.manage')} />
    </>
  );
}
