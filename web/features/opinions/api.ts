// Types and queries of the opinion-report screens (社情民意信息), mirroring server/modules/opinions/routes.ts.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export {
  countChars,
  LEADER_ORGANS,
  LEVELS,
  REFERRAL_STATES,
  REPORT_STATES,
  SUBMITTER_KINDS,
} from '../../../server/modules/opinions/rules.ts';

import { opinionKeys } from './queries.ts';

export interface FileOut {
  id: number;
  name: string;
  mime: string;
  size: number;
}

export interface OpinionSettings {
  maxChars: number;
  titleMax: number;
  categories: string[];
  referralDays: number;
  dayUnit: 'days' | 'workingDays';
  levels: { value: string; label: string }[];
  committee: { level: string; name: string; hasParent: boolean };
}

export interface ListItem {
  id: number;
  title: string;
  category: string;
  state: string;
  stateLabel: string;
  year: number;
  submitterKind: string;
  submitterKindLabel: string;
  submitterName: string;
  originCommitteeName: string | null;
  submittedAt: string | null;
  createdAt: string;
  charCount: number;
  issueTitle: string | null;
  adoptedLevels: string[];
  instructionLevels: string[];
  referralState: string | null;
}

export interface Detail {
  id: number;
  state: string;
  stateLabel: string;
  year: number;
  title: string;
  body: string;
  charCount: number;
  category: string;
  editedTitle: string | null;
  editedBody: string | null;
  editedAt: string | null;
  editedByName: string | null;
  source: string;
  submitterKind: string;
  submitterKindLabel: string;
  submitterName: string;
  fromLower: boolean;
  originCommitteeName: string | null;
  originSubmitterName: string | null;
  issue: { id: number; title: string; state: string } | null;
  screenComment: string | null;
  submittedAt: string | null;
  createdAt: string;
  files: FileOut[];
  forwards: { id: number; targetKind: string; targetName: string; forwardedOn: string; note: string | null }[];
  adoptions: {
    id: number;
    level: string;
    levelLabel: string;
    adoptedBy: string;
    adoptedOn: string;
    note: string | null;
    recordedBy: string | null;
    fromCommittee: string | null;
  }[];
  instructions: {
    id: number;
    leaderName: string;
    leaderTitle: string | null;
    leaderOrgan: string;
    level: string;
    levelLabel: string;
    instructedOn: string;
    text: string;
    recordedBy: string | null;
    fromCommittee: string | null;
    files: FileOut[];
  }[];
  referrals: {
    id: number;
    unitId: number;
    unitName: string;
    state: string;
    stateLabel: string;
    note: string | null;
    dueOn: string | null;
    response: string | null;
    respondedAt: string | null;
    responderName: string | null;
    reviewComment: string | null;
    files: FileOut[];
  }[];
  timeline: {
    id: number;
    action: string;
    label: string;
    toStateLabel: string;
    actorName: string | null;
    comment: string | null;
    createdAt: string;
  }[];
  access: 'staff' | 'owner' | 'unit';
  actions: { action: string; label: string; commentRequired: boolean }[];
  can: { edit: boolean; editText: boolean; forward: boolean; record: boolean; refer: boolean };
}

export interface IssueSummary {
  id: number;
  year: number;
  number: number;
  title: string;
  state: string;
  issuedOn: string | null;
  reportCount: number;
  editorNote: string | null;
  createdAt: string;
}

export interface IssueDetail {
  id: number;
  year: number;
  number: number;
  title: string;
  state: string;
  issuedOn: string | null;
  editorNote: string | null;
  committeeName: string;
  forwardedTo: string[];
  reports: {
    id: number;
    position: number;
    title: string;
    body: string;
    originalTitle: string;
    edited: boolean;
    category: string;
    submitterName: string;
    submitterKindLabel: string;
    originCommitteeName: string | null;
  }[];
}

export interface Referral {
  id: number;
  reportId: number;
  state: string;
  stateLabel: string;
  title: string;
  body: string;
  category: string;
  note: string | null;
  dueOn: string | null;
  overdue: boolean;
  response: string | null;
  respondedAt: string | null;
  reviewComment: string | null;
  createdAt: string;
  files: FileOut[];
}

export interface LevelCount {
  level: string;
  label: string;
  count: number;
}

export interface Figures {
  year: number;
  received: number;
  fromLower: number;
  accepted: number;
  declined: number;
  compiled: number;
  issues: number;
  forwarded: number;
  adopted: LevelCount[];
  instructions: LevelCount[];
  referred: number;
  answered: number;
  byCategory: { category: string; count: number }[];
  byMonth: { month: number; count: number }[];
  bySubmitter: {
    kind: string;
    kindLabel: string;
    name: string;
    received: number;
    compiled: number;
    adopted: number;
    instructed: number;
  }[];
  byInformant: {
    informantId: number;
    name: string;
    area: string | null;
    received: number;
    compiled: number;
    adopted: number;
  }[];
  sentence: string;
  adoptionSentence: string;
}

export const useOpinionSettings = () =>
  useQuery({
    queryKey: opinionKeys.settings,
    queryFn: () => api.get<OpinionSettings>('/api/opinions/settings'),
    staleTime: 60_000,
  });

export const STATE_COLORS: Record<string, 'default' | 'blue' | 'orange' | 'red' | 'cyan' | 'green'> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  declined: 'red',
  accepted: 'cyan',
  compiled: 'green',
};

export const LEVEL_LABEL: Record<string, string> = { county: '县级', city: '市级', province: '省级', national: '全国' };
export const levelNames = (levels: string[]) => levels.map((l) => LEVEL_LABEL[l] ?? l).join('、');
