// Shared steps of the consultation tests: a plan opened, drafted and approved through the routes, an event created.
import { type Client, okBody } from '../../test/harness.ts';

export const FAR = '2099-12-31';

export async function openPlan(office: Client, year: number, kind = 'consultation', collectUntil = FAR) {
  const b = await okBody(
    await office.post('/api/consultations/plans', {
      year,
      kind,
      title: kind === 'consultation' ? '协商工作计划' : '民主监督工作计划',
      collectUntil,
    }),
  );
  return b.id as number;
}

export const ITEM = {
  topic: '推进城市更新与老旧小区改造',
  kind: 'thematic',
  leadingLeader: '王副主席',
  counterpartBody: '市住房和城乡建设局',
  plannedMonth: 6,
  form: 'meeting',
};

export async function addItem(office: Client, planId: number, body: Record<string, unknown> = {}) {
  return (await okBody(await office.post(`/api/consultations/plans/${planId}/items`, { ...ITEM, ...body })))
    .id as number;
}

/** POSTs `action` (with `extra` fields) to a yearly plan; the raw response. */
export async function planAction(c: Client, planId: number, action: string, extra: Record<string, unknown> = {}) {
  return c.post(`/api/consultations/plans/${planId}/actions`, { action, ...extra });
}

/** POSTs `action` (with `extra` fields) to a consultation event; the raw response. */
export const eventAction = (c: Client, id: number, action: string, extra: Record<string, unknown> = {}) =>
  c.post(`/api/consultations/events/${id}/actions`, { action, ...extra });

/** POSTs `action` with its `data` (and the signer's `comment`) to a consultation outcome; the raw response. */
export const outcomeAction = (c: Client, id: number, action: string, data?: unknown, comment?: string) =>
  c.post(`/api/consultation-outcomes/${id}/actions`, { action, data, comment });

/** Drafted with one item (unless given), reviewed by the chairs' council, approved by the Party committee. */
export async function publishedPlan(office: Client, leader: Client, year: number, kind = 'consultation') {
  const planId = await openPlan(office, year, kind);
  const itemId = await addItem(
    office,
    planId,
    kind === 'supervision'
      ? { kind: 'inspection', supervisedBody: '市生态环境局', supervisionForm: 'inspection', topic: '大气污染防治' }
      : {},
  );
  await okBody(await planAction(office, planId, 'submit'));
  await okBody(await planAction(leader, planId, 'approve'));
  await okBody(
    await planAction(leader, planId, 'approve', { date: `${year}-02-10`, documentNumber: `示委办〔${year}〕3号` }),
  );
  return { planId, itemId };
}

export function inDays(days: number, hour = 9) {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour - 8, 0, 0, 0);
  return d.toISOString();
}

/**
 * The body that creates a thematic consultation event (推进城市更新专题协商会, 30 days from now, 9:00–12:00, with the
 * city's housing bureau and a four-part agenda: briefing, speeches, questions, answers), `extra` fields over it.
 */
export const eventBody = (extra: Record<string, unknown> = {}) => ({
  kind: 'thematic',
  title: '推进城市更新专题协商会',
  startsAt: inDays(30, 9),
  endsAt: inDays(30, 12),
  place: '市政协三楼会议室',
  counterpartBody: '市住房和城乡建设局',
  agenda: [
    { part: 'briefing', title: '市住建局通报城市更新工作情况', speaker: '市住建局局长', minutes: 15 },
    { part: 'speech', title: '委员发言', minutes: 40 },
    { part: 'question', title: '委员提问', minutes: 20 },
    { part: 'answer', title: '部门回应', minutes: 20 },
  ],
  ...extra,
});
