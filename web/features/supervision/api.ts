// Shapes of the 随手拍 (snapshotReport) answers: the server's own types (type-only imports, erased from the bundle).
import type { getReport, PresentedReport, similarReports } from '../../../server/modules/supervision/service.ts';

export type { Scope } from '../../../server/modules/supervision/service.ts';
export type Report = PresentedReport;
/** One item's page: the report with its photos, the unit's answer photos, allowed actions and history. */
export type ReportDetail = Awaited<ReturnType<typeof getReport>>;
export type StoredFile = ReportDetail['files'][number];
/** An alike item staff may merge into (similarity 0–1, at least 0.2). */
export type Similar = Awaited<ReturnType<typeof similarReports>>[number];

export const STATE_OPTIONS = [
  { value: '', label: '全部状态' },
  { value: 'filed', label: '待审核' },
  { value: 'accepted', label: '已受理' },
  { value: 'dispatched', label: '办理中' },
  { value: 'answered', label: '已答复待确认' },
  { value: 'disputed', label: '有异议' },
  { value: 'closed', label: '已办结' },
  { value: 'declined', label: '不予受理' },
  { value: 'merged', label: '已合并' },
];
