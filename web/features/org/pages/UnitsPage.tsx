// 承办单位: the handling units (a RefTable).
import { useSession } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/index.ts';
import { RefTable } from '../components/RefTable.tsx';
import { REF_CONFIGS } from '../refConfigs.ts';

export function UnitsPage() {
  const { can } = useSession();
  return (
    <>
      <PageHeader
        title="承办单位"
        description="办理提案和社情民意信息的单位及其联系人。有账号的单位不能删除，可改为停用。"
      />
      <RefTable config={REF_CONFIGS.units} canManage={can('org.manage')} />
    </>
  );
}
