// Steps of the online-discussion tests, so every test builds its own discussion: one opened with two members'
// statements, votes that make the first statement the most voted, a statement held by the word filter, moderation.
import { type Client, okBody } from '../../test/harness.ts';
import { inDays } from './test-helpers.ts';

/** The body that opens a members' discussion (on lifts in old housing, open since yesterday for 14 days), `extra` over it. */
export const openBody = (extra: Record<string, unknown> = {}) => ({
  topic: '如何提升老旧小区加装电梯的推进速度',
  background: '全市已有 1200 个老旧小区具备加装条件。',
  audience: 'members',
  opensAt: inDays(-1),
  closesAt: inDays(14),
  ...extra,
});

/** `c` writes `body` into discussion `did`; the created statement ({ id, state, … }), the response checked to be 200. */
export const write = async (c: Client, did: number, body: string) =>
  okBody(await c.post(`/api/discussions/${did}/statements`, { body }));

/** `c` votes `v` ('agree' | 'disagree' | 'pass') on statement `sid` of discussion `did`; the raw response. */
export const vote = (c: Client, did: number, sid: number, v: string) =>
  c.put(`/api/discussions/${did}/statements/${sid}/vote`, { vote: v });

/** The office moderates statement `sid` of discussion `did` ('approve', 'hide', 'merge', …); the raw response. */
export const moderate = (
  office: Client,
  did: number,
  sid: number,
  action: string,
  extra: Record<string, unknown> = {},
) => office.post(`/api/discussions/${did}/statements/${sid}/moderate`, { action, ...extra });

/**
 * A new members' discussion opened by `office` with two statements: s1 by `members[0]` (member100, on subsidies) and
 * s2 by `members[1]` (member101, on the ground floor's consent); each author's own statement counts as agreed.
 */
export async function twoStatements(office: Client, members: Client[]) {
  const id = (await okBody(await office.post('/api/discussions', openBody()))).id as number;
  const s1 = (await write(members[0], id, '建议由政府补贴加装电梯费用的三成')).id as number;
  const s2 = (await write(members[1], id, '加装电梯应由一楼住户同意后方可实施')).id as number;
  return { id, s1, s2 };
}

/** `members[2]` disagrees with and `members[3]` agrees to s1: s1 has three votes, s2 one (its author's). */
export async function votedFirst(members: Client[], d: { id: number; s1: number }) {
  await okBody(await vote(members[2], d.id, d.s1, 'disagree'));
  await okBody(await vote(members[3], d.id, d.s1, 'agree'));
}

/** The word filter set to 违禁词 and `members[5]`'s statement with it, held for review: the statement ({ id, state }). */
export async function heldStatement(office: Client, members: Client[], did: number) {
  await okBody(await office.put('/api/discussions/settings', { maxLength: 140, words: ['违禁词'] }));
  return write(members[5], did, '这里有个违禁词需要处理');
}
