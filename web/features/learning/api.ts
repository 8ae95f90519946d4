// Types and labels of the learning pages (the server's shapes, as the routes present them: the module's schemas.ts
// declares its inputs only, so these are kept here).
import { TAG } from '../../components/tagColors.ts';
import type { WorkflowStep } from '../../components/WorkflowTimeline.tsx';

export interface Action {
  action: string;
  label: string;
  commentRequired: boolean;
}
export interface Material {
  id: number;
  title: string;
  kind: 'document' | 'pdf' | 'audio' | 'video';
  kindLabel: string;
  description: string;
  theme: string;
  fileId: number | null;
  fileName: string | null;
  fileMime: string | null;
  durationSeconds: number | null;
  state: string;
  stateLabel: string;
  publishedAt: string | null;
  myPercent: number;
  myPositionSeconds: number;
  myDurationSeconds: number | null;
  myFinishedAt: string | null;
  finishedCount: number;
  actions?: Action[];
}
/** What the server kept of one progress report (the furthest position it credits). */
export interface ProgressResult {
  percent: number;
  positionSeconds: number;
  durationSeconds: number | null;
  finishedAt: string | null;
}
export type ProgressReport = { percent: number } | { positionSeconds: number; durationSeconds: number };
export interface Reflection {
  id: number;
  state: string;
  stateLabel: string;
  memberName: string;
  materialId: number | null;
  materialTitle: string | null;
  classTitle: string | null;
  title: string;
  body: string;
  submittedAt: string | null;
  updatedAt: string | null;
  actions?: Action[];
  timeline?: WorkflowStep[];
}
export interface Paged<T> {
  items: T[];
  total: number;
}
export const STATE_COLOR: Record<string, string> = {
  submitted: 'blue',
  accepted: TAG.green,
  returned: TAG.orange,
  draft: 'default',
};
export interface Plan {
  id: number;
  year: number;
  title: string;
  description: string;
  themes: { term: string; title: string; description?: string }[];
}
export interface StudyClass {
  id: number;
  title: string;
  year: number;
  memberCount: number;
  sessionCount: number;
}

/** 「3分05秒」: a position or length in a material, from seconds. */
export const minutes = (s: number) => `${Math.floor(s / 60)}分${String(Math.floor(s % 60)).padStart(2, '0')}秒`;

/** A row of the year's completion, by member, sector or special committee (the server's own type). */
export type { CompletionRow } from '../../../server/modules/learning/completion.ts';
