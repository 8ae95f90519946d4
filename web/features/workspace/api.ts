// Response shapes of the workspace routes (server/modules/workspace) and the query keys (invalidate by 'workspace').
import type { MonthFacts } from '../../../server/modules/workspace/report-facts.ts';

export const workspaceKeys = {
  all: ['workspace'] as const,
  list: () => ['workspace', 'list'] as const,
  unit: (kind: string, id: number, year: number) => ['workspace', kind, id, year] as const,
  reports: (q: Record<string, unknown>) => ['workspace', 'reports', q] as const,
  report: (id: number) => ['workspace', 'report', id] as const,
};

export interface Unit {
  id: number;
  name: string;
  memberCount: number;
  canManage?: boolean;
}

export interface UnitMember {
  id: number;
  name: string;
  sector: string | null;
  affiliation: string | null;
}

export interface Signature {
  id: number;
  title: string;
  goal: string;
  year: number;
  milestones: { id: number; title: string; dueOn: string; doneOn: string | null }[];
  progress: {
    id: number;
    body: string;
    entryOn: string;
    authorName: string;
    photos: { id: number; name: string; mime: string }[];
  }[];
}

export interface Meeting {
  id: number;
  title: string;
  startsAt: string;
  place: string;
  status: string;
  present: number;
}

export interface Output {
  id: number;
  title: string;
  stateLabel: string;
  submittedOn: string;
}

export interface SpecialCommitteeWorkspace {
  id: number;
  name: string;
  year: number;
  canManage: boolean;
  members: UnitMember[];
  planItems: { id: number; planKind: 'consultation' | 'supervision'; topic: string; plannedMonth: number | null }[];
  events: {
    id: number;
    category: string;
    title: string;
    stateLabel: string;
    day: string | null;
    participants: number;
  }[];
  meetings: Meeting[];
  proposals: Output[];
  opinions: Output[];
  signature: Signature | null;
}

export interface SectorWorkspace {
  id: number;
  name: string;
  year: number;
  members: UnitMember[];
  meetings: Meeting[];
  proposals: Output[];
}

export interface ReportRow {
  id: number;
  month: string;
  title: string;
  state: string;
  stateLabel: string;
  specialCommitteeId: number;
  submittedAt: string | null;
}

/** The month's facts of a report, as the server gathers them. */
export type { MonthFacts };

export interface ReportDetail extends ReportRow {
  body: string;
  facts: MonthFacts | null;
  canEdit: boolean;
  actions: { action: string; label: string; commentRequired: boolean }[];
  timeline: {
    id: number;
    label: string;
    toStateLabel: string;
    actorName: string | null;
    comment: string | null;
    createdAt: string;
  }[];
}

export const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
