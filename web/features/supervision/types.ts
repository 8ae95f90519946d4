// Shapes of the 随手拍 (snapshotReport) answers, as server/modules/supervision/service.ts presents them.
import type { PresentedReport } from '../../../server/modules/supervision/service.ts';
import type { WorkflowStep } from '../../components/index.ts';

export type Report = PresentedReport;

export interface StoredFile {
  id: number;
  name: string;
  mime: string;
}

export interface ReportDetail extends Report {
  files: StoredFile[];
  answerFiles: StoredFile[];
  actions: { action: string; label: string; commentRequired: boolean }[];
  history: WorkflowStep[];
}

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
