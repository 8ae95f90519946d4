// Types and labels of the archive pages, the village histories (村史) included (the server's shapes, as the routes
// present them: an article and a village are the server's own types, imported type-only; the rest are kept here).

import type { presentArticle } from '../../../server/modules/archive/article-service.ts';
import type { listVillages } from '../../../server/modules/archive/village-service.ts';
import { choices } from '../../components/choices.ts';
import type { WorkflowStep } from '../../components/WorkflowTimeline.tsx';
export interface Action {
  action: string;
  label: string;
  commentRequired: boolean;
}
/** An article as the routes present it (the server's `presentArticle`, type-only import), with the detail's extras. */
export type Article = Omit<ReturnType<typeof presentArticle>, 'createdAt'> & {
  createdAt: string;
  files?: { id: number; name: string; mime: string; size: number }[];
  versions?: { version: number; title: string; editorNote: string; editorName: string | null; createdAt: string }[];
  actions?: Action[];
  timeline?: WorkflowStep[];
};
export interface Volume {
  id: number;
  number: number;
  title: string;
  description: string;
  state: string;
  stateLabel: string;
  articles: number;
  actions: Action[];
  contents?: { id: number; order: number; title: string; authorName: string; body: string }[];
}
export interface Topic {
  id: number;
  state: string;
  stateLabel: string;
  title: string;
  description: string;
  period: string;
  closesOn: string | null;
  submissions: number;
  actions: Action[];
}
export const ARTICLE_STATE_OPTIONS = choices({
  '': '全部',
  received: '待评估',
  needsMore: '待补充',
  accepted: '待编辑',
  edited: '待校对',
  proofread: '待编入',
  assigned: '待出版',
  published: '已出版',
  declined: '未采用',
});
/** A village-history project (村史) as the server presents it (listVillages/getVillage; canEdit on its own page). */
export type Village = Awaited<ReturnType<typeof listVillages>>['items'][number] & { canEdit?: boolean };
export const VILLAGE_STATE_OPTIONS = choices({
  planning: '筹备中',
  compiling: '编纂中',
  reviewing: '审稿中',
  published: '已出版',
  suspended: '暂停',
});
