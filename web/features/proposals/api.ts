// Types and queries of the proposal screens, mirroring the server's responses (server/modules/proposals/routes.ts).
import { useQuery } from '@tanstack/react-query';
import type { AllowedAction as ActionInfo } from '../../../server/platform/workflow/engine.ts';
import { api } from '../../api/client.ts';
import { TAG } from '../../components/tagColors.ts';
import { proposalKeys } from './queries.ts';

// Response shapes the server declares are imported type-only (erased from the bundle): one contract, no copy to drift.
export type {
  ListItem,
  SimilarItem as Similar,
  UnitSuggestion,
} from '../../../server/modules/proposals/list-service.ts';
export type { ActionInfo };

export interface Named {
  id: number;
  name: string;
}

export interface Reference {
  terms: { id: number; number: number; name: string; isCurrent: boolean }[];
  sessions: { id: number; termId: number; number: number; name: string; year: number; isCurrent: boolean }[];
  units: Named[];
}

export interface Rules {
  titleMaxLength: number;
  categories: string[];
  outcomeClasses: { code: string; label: string; solved: boolean }[];
  replyMonths: number;
  extensionMonths: number;
  returnRequestDays: number;
  ratingDays: number;
  dayUnit: 'days' | 'workingDays';
  rejectionGrounds: string[];
  appraisalDimensions: { key: string; label: string; max: number }[];
  appraisalGrades: { min: number; label: string }[];
  assignmentApproval: boolean;
  contactRequired: boolean;
}

export interface Assignment {
  id: number;
  unitId: number;
  unitName: string;
  role: string;
  roleLabel: string;
  state: string;
  stateLabel: string;
  round: number;
  assignedAt: string;
  dueAt: string;
  acceptedAt: string | null;
  repliedAt: string | null;
  extensionCount: number;
  overdue: boolean;
  returnDeadline: string;
  actions: ActionInfo[];
  contacts: { id: number; round: number; way: string; date: string; notes: string }[];
  views: { id: number; text: string; createdAt: string }[];
}

export interface Detail {
  id: number;
  number: number | null;
  numberLabel: string;
  title: string;
  background: string;
  suggestions: string;
  category: string | null;
  kind: string;
  kindLabel: string;
  state: string;
  stateLabel: string;
  year: number | null;
  sessionName: string | null;
  isSessionProposal: boolean;
  isKey: boolean;
  isPublic: boolean;
  mergedInto: { id: number; title: string; numberLabel: string } | null;
  mergedFrom: { id: number; title: string; proposers: string }[];
  convertedTo: string | null;
  /** The opinion report it became (when converted to one). */
  convertedOpinionId: number | null;
  rejectGround: string | null;
  org: { id: number; name: string; responsibleName: string | null } | null;
  proposers: {
    memberId: number;
    name: string;
    isLead: boolean;
    cosignStatus: string;
    sector: string | null;
    workUnit: string | null;
  }[];
  suggestedUnits: Named[];
  assignmentMode: string | null;
  round: number;
  outcomeClass: string | null;
  outcomeLabel: string;
  ratingDueAt: string | null;
  submittedAt: string | null;
  registeredAt: string | null;
  createdAt: string;
  files: { id: number; name: string; mime: string; size: number }[];
  assignments: Assignment[];
  replies: {
    id: number;
    assignmentId: number;
    unitName: string;
    round: number;
    outcomeClass: string;
    outcomeLabel: string;
    originalClass: string;
    text: string;
    letter: Named | null;
    isPublic: boolean;
    reviewState: string;
    reviewComment: string | null;
    createdAt: string;
  }[];
  ratings: {
    id: number;
    round: number;
    raterName: string | null;
    rating: string;
    ratingLabel: string;
    comment: string;
    enteredByStaff: boolean;
    createdAt: string;
  }[];
  raters: { memberId: number | null; orgId: number | null; name: string; rated: boolean }[];
  key: {
    governmentLeader: string;
    supervisingLeader: string;
    note: string;
    selectedAt: string;
    events: { id: number; kind: string; kindLabel: string; date: string; text: string; by: string | null }[];
  } | null;
  commendation: {
    id: number;
    year: number;
    state: string;
    stateLabel: string;
    reason: string;
    score: number | null;
    opinion: string | null;
    actions: ActionInfo[];
  } | null;
  timeline: {
    id: number;
    action: string;
    label: string;
    toStateLabel: string;
    unitName: string | null;
    actorName: string | null;
    comment: string | null;
    createdAt: string;
  }[];
  actions: ActionInfo[];
  can: { edit: boolean; delete: boolean; setKey: boolean; commend: boolean; setPublic: boolean; exportWord: boolean };
}

export const STATE_OPTIONS = [
  ['submitted', '待预审'],
  ['returned', '退回修改'],
  ['reviewing', '待审查'],
  ['registered', '已立案待交办'],
  ['assignPending', '交办待审批'],
  ['handling', '办理中'],
  ['replied', '已答复待评价'],
  ['completed', '办理完毕'],
  ['rejected', '不予立案'],
  ['merged', '已并案'],
  ['converted', '已转交'],
  ['withdrawn', '已撤案'],
].map(([value, label]) => ({ value, label }));

export const KIND_OPTIONS = [
  { value: 'individual', label: '个人提案' },
  { value: 'joint', label: '联名提案' },
  { value: 'collective', label: '集体提案' },
];

export const RATING_OPTIONS = [
  { value: 'satisfied', label: '满意' },
  { value: 'partlySatisfied', label: '基本满意' },
  { value: 'unsatisfied', label: '不满意' },
];

/** Tag colours dark enough for white text (WCAG AA contrast), unlike antd's light preset tags. */
export { TAG };

/** Tag colours by state: waiting for the user (gold), in progress (blue), finished well (green), stopped (grey/red). */
export const stateColor = (state: string): string =>
  ({
    draft: TAG.grey,
    cosigning: TAG.gold,
    orgApproval: TAG.gold,
    submitted: TAG.gold,
    returned: TAG.orange,
    reviewing: TAG.gold,
    registered: TAG.blue,
    assignPending: TAG.blue,
    handling: TAG.blue,
    replied: TAG.cyan,
    completed: TAG.green,
    rejected: TAG.red,
    merged: TAG.purple,
    converted: TAG.purple,
    withdrawn: TAG.grey,
  })[state] ?? TAG.grey;

export const useReference = () =>
  useQuery({
    queryKey: ['org', 'reference'],
    queryFn: () => api.get<Reference>('/api/org/reference'),
    staleTime: 60_000,
  });

export const useRules = () =>
  useQuery({
    queryKey: proposalKeys.rules,
    queryFn: () => api.get<Rules>('/api/proposals/rules'),
    staleTime: 60_000,
  });

export const useProposal = (id: number) =>
  useQuery({
    queryKey: proposalKeys.detail(id),
    queryFn: () => api.get<Detail>(`/api/proposals/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
