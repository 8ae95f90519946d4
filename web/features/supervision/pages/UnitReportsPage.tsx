// 随手拍办理 (a handling unit): the items dispatched to it, to answer within the deadline with photos of the result.
import { PageHeader } from '../../../components/index.ts';
import { ReportList } from '../components/ReportList.tsx';

export function UnitReportsPage() {
  return (
    <>
      <PageHeader title="随手拍办理" description="交办本单位的随手拍，请在答复期限内答复并上传办理结果照片。" />
      <ReportList scope="unit" />
    </>
  );
}
