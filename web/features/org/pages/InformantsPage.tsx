// 信息员: people outside the committee who report 社情民意 (a RefTable).
import { useSession } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/index.ts';
import { RefTable } from '../components/RefTable.tsx';
import { REF_CONFIGS } from '../refConfigs.ts';

export function InformantsPage() {
  const { can } = useSession();
  return (
    <>
      <PageHeader title="信息员" description="登记报送社情民意信息的信息员。有账号的信息员不能删除，可改为“已退出”。" />
      <RefTable config={REF_CONFIGS.informants} canManage={can('informant.manage')} />
    </>
  );
}
