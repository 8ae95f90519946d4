// Types and labels of the archive pages, the village histories (村史) included (the server's shapes, as the routes
// present them: the module's schemas.ts declares its inputs only, so these are kept here; a village is the server's own
// type).

import type { listVillages } from '../../../server/modules/archive/village-service.ts';
import type { WorkflowStep } from '../../components/WorkflowTimeline.tsx';
export interface Action {
  action: string;
  label: string;
  commentRequired: boolean;
}
export interface Article {
  id: number;
  state: string;
  stateLabel: string;
  topicTitle: string | null;
  villageId: number | null;
  villageTitle: string | null;
  memberId: number | null;
  authorName: string;
  accountKindLabel: string;
  title: string;
  body: string;
  period: string;
  place: string;
  theme: string;
  persons: string[];
  tags: string[];
  consentAt: string | null;
  declineReason: string | null;
  volumeId: number | null;
  volumeNumber: number | null;
  volumeTitle: string | null;
  version: number;
  createdAt: string;
  publishedAt: string | null;
  files?: { id: number; name: string; mime: string; size: number }[];
  versions?: { version: number; title: string; editorNote: string; editorName: string | null; createdAt: string }[];
  actions?: Action[];
  timeline?: WorkflowStep[];
}
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
export const ARTICLE_STATE_OPTIONS = [
  { value: '', label: '全部' },
  { value: 'received', label: '待评估' },
  { value: 'needsMore', label: '待补充' },
  { value: 'accepted', label: '待编辑' },
  { value: 'edited', label: '待校对' },
  { value: 'proofread', label: '待编入' },
  { value: 'assigned', label: '待出版' },
  { value: 'published', label: '已出版' },
  { value: 'declined', label: '未采用' },
];
/** A village-history project (村史) as the server presents it (listVillages/getVillage; canEdit on its own page). */
export type Village = Awaited<ReturnType<typeof listVillages>>['items'][number] & { canEdit?: boolean };
export const VILLAGE_STATE_OPTIONS = [
  { value: 'planning', label: '筹备中' },
  { value: 'compiling', label: '编纂中' },
  { value: 'reviewing', label: '审稿中' },
  { value: 'published', label: '已出版' },
  { value: 'suspended', label: '暂停' },
];
