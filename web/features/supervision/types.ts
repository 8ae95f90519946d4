// Shapes of the 随手拍 (snapshotReport) answers, as server/modules/supervision/service.ts presents them.
import type { WorkflowStep } from '../../components/index.ts';

export interface Report {
  id: number;
  memberId: number;
  memberName: string;
  text: string;
  place: string;
  latitude: number | null;
  longitude: number | null;
  urgent: boolean;
  state: string;
  stateLabel: string;
  declineReason: string | null;
  mergedInto: number | null;
  unitId: number | null;
  unitName: string | null;
  dueOn: string | null;
  answer: string | null;
  answeredAt: string | null;
  answeredOnTime: boolean | null;
  disputeReason: string | null;
  filedAt: string;
  overdue: boolean;
  disputed: boolean;
}

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
