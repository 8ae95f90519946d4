// Types and labels of the consultation pages (plans, events): the server's own types (type-only imports, erased from the
// bundle), the colours of the event states, the agenda's parts and the participants' kinds.
import type { Static } from 'typebox';
import type { getEvent } from '../../../server/modules/consultations/event-repository.ts';
import type { getPlan } from '../../../server/modules/consultations/plan-service.ts';
import type { AgendaEntry as AgendaSchema } from '../../../server/modules/consultations/schemas.ts';
import { TAG } from '../../components/tagColors.ts';

export const STATE_COLORS: Record<string, string> = {
  preparation: 'default',
  noticed: 'blue',
  held: TAG.green,
  minuted: TAG.cyan,
  done: TAG.green,
  cancelled: 'red',
};

/** The text a form holds, without dates or selections: what a draft keeps (a stored date would not restore as one). */
export function textOnly<V extends object>(values: V): V {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, v]) => typeof v === 'string')) as V;
}

/** The parts of an event's agenda (议程), by key. */
export const PART: Record<string, string> = {
  briefing: '通报',
  speech: '发言',
  question: '提问',
  answer: '回应',
  other: '其他',
};
/** The kinds of an event's participants (委员 and the invited: 党派团体代表, 政府部门…). */
export const GUEST: Record<string, string> = {
  member: '委员',
  party: '党派团体代表',
  official: '政府部门',
  expert: '专家',
  citizen: '群众代表',
};
/** The forms of a 民主监督 event or plan item (the labels of the server's SUPERVISION_FORMS in process-settings.ts). */
export const SUPERVISION_FORMS: Record<string, string> = { inspection: '视察', research: '监督性调研', forum: '座谈' };

/** One event's page as /api/consultations/events/:id returns it: details, actions, agenda, speeches, participants. */
export type EventDetail = Awaited<ReturnType<typeof getEvent>>;
export type Speech = EventDetail['speeches'][number];
/** One part of an event's agenda as the event's form sends it (the server keeps it as JSON). */
export type AgendaEntry = Static<typeof AgendaSchema>;
/** One plan's page: items, topics collection window, versions and the approval actions. */
export type PlanDetail = Awaited<ReturnType<typeof getPlan>>;
