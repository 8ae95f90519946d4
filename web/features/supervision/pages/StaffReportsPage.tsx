// 随手拍 (staff): every item with filters and the Excel export; staff accept, merge and dispatch from an item's page.
import { PageHeader } from '../../../components/index.ts';
import { ReportList } from '../components/ReportList.tsx';

export function StaffReportsPage() {
  return (
    <>
      <PageHeader title="随手拍" description="委员随手拍的问题：审核受理、合并、交办承办单位，跟踪答复和委员确认。" />
      <ReportList scope="staff" />
    </>
  );
}
