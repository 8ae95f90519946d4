// Shared steps of the proposal tests: write, file and move proposals through the office the way users do.
import { expect } from 'vitest';
import type { Client } from '../../test/harness.ts';

export const TEXT = {
  background:
    '近年来我市老龄化程度不断加深，60岁以上人口占比超过20%，社区居家养老服务供给不足，助餐、助浴、助医等服务覆盖面有限。',
  suggestions: '一是加快建设社区养老服务综合体；二是完善养老服务补贴制度；三是培养专业养老护理队伍。',
};

export async function write(c: Client, body: Record<string, unknown> = {}) {
  const res = await c.post('/api/proposals', {
    title: '关于加快发展社区居家养老服务的建议',
    ...TEXT,
    category: '社会建设',
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
}

/** Asks for `action` (with `extra` fields) on proposal `id` as `c`; the raw response, for tests of a refusal. */
export async function tryTransition(c: Client, id: number, action: string, extra: Record<string, unknown> = {}) {
  return c.post(`/api/proposals/${id}/transitions`, { action, ...extra });
}

/** Takes `action` on proposal `id` as `c`, failing the test unless it succeeds; the proposal's new state. */
export async function transition(c: Client, id: number, action: string, extra: Record<string, unknown> = {}) {
  const res = await tryTransition(c, id, action, extra);
  expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body.state as string;
}

/** Asks for `action` on assignment `assignmentId` (a unit's share of a proposal); the raw response. */
export async function tryAssignmentTransition(
  c: Client,
  assignmentId: number,
  action: string,
  extra: Record<string, unknown> = {},
) {
  return c.post(`/api/proposals/assignments/${assignmentId}/transitions`, { action, ...extra });
}

/** Takes `action` on assignment `assignmentId`, failing the test unless it succeeds; the assignment's new state. */
export async function assignmentTransition(
  c: Client,
  assignmentId: number,
  action: string,
  extra: Record<string, unknown> = {},
) {
  const res = await tryAssignmentTransition(c, assignmentId, action, extra);
  expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body.state as string;
}

export async function detail(c: Client, id: number) {
  const res = await c.get(`/api/proposals/${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Written, submitted, pre-reviewed and registered by the office. */
export async function registered(member: Client, staff: Client, body: Record<string, unknown> = {}) {
  const id = await write(member, { ...body, submit: true });
  await transition(staff, id, 'preApprove');
  await transition(staff, id, 'register');
  return id;
}

/** Registered and assigned to a lead unit (and assisting units). */
export async function assigned(
  member: Client,
  staff: Client,
  leadUnitId: number,
  assistingUnitIds: number[] = [],
  body: Record<string, unknown> = {},
) {
  const id = await registered(member, staff, body);
  await transition(staff, id, 'assign', { mode: 'lead', leadUnitId, assistingUnitIds });
  return id;
}

/** The unit id of a signed-in unit account (`c.me.account.unitId`). */
export const unitIdOf = (c: Client) => c.me.account.unitId as number;

export const assignmentOf = (d: any, unitId: number) =>
  d.assignments.find((a: any) => a.unitId === unitId && a.state !== 'returned');

/** The lead unit signs, talks with the proposer and replies; the office approves. */
export async function replyAndApprove(unit: Client, staff: Client, id: number, outcomeClass = 'A') {
  const a = assignmentOf(await detail(staff, id), unit.me.account.unitId);
  if (a.state === 'assigned') await assignmentTransition(unit, a.id, 'accept');
  await assignmentTransition(unit, a.id, 'recordContact', {
    way: '电话',
    date: new Date().toISOString().slice(0, 10),
    notes: '已沟通',
  });
  await assignmentTransition(unit, a.id, 'reply', { outcomeClass, text: '经研究，已将有关建议纳入年度工作计划。' });
  await assignmentTransition(staff, a.id, 'approveReply');
  return a.id as number;
}
