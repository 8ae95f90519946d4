// Steps of the consultation-event tests: one event taken from preparation to done, each step done only if the event is
// not there yet, so every test brings the file's event to the state it starts from (and also runs alone):
//   noticed → speechesDecided → held → done
import { sql } from 'drizzle-orm';
import { query, queryOne } from '../../platform/db/client.ts';
import { okBody, type TestAppForFile } from '../../test/harness.ts';
import { eventAction } from './test-helpers.ts';

/** The test app with the office, a leader and two members (member010 = m1, member011 = m2) signed in. */
type People = TestAppForFile<'office' | 'leader' | 'member' | 'member2'>;
/** The member ids of member010 and member011. */
type Members = { m1: number; m2: number };

/** The participants body: the members `m1` and `m2`, an official, an expert and a citizen (5 participants). */
export const participantsBody = ({ m1, m2 }: Members) => ({
  rule: 'members',
  memberIds: [m1, m2],
  guests: [
    { kind: 'official', name: '李局长', organisation: '市住房和城乡建设局' },
    { kind: 'expert', name: '赵教授', organisation: '市规划设计研究院' },
    { kind: 'citizen', name: '陈女士', organisation: '幸福社区居民' },
  ],
});

/** The state of consultation event `id`: 'preparation', 'noticed', 'held', 'minuted', 'done' or 'cancelled'. */
async function stateOf(t: People, id: number) {
  return (await queryOne<{ state: string }>(
    t.database.db,
    sql`select state from consultation_events where id = ${id}`,
  ))!.state;
}

/** Event `id` given its participants (`participantsBody`) and its notice sent (creating the meeting), if in preparation. */
export async function noticed(t: People, id: number, ms: Members) {
  if ((await stateOf(t, id)) !== 'preparation') return;
  await okBody(await t.office.post(`/api/consultations/events/${id}/participants`, participantsBody(ms)));
  await okBody(await eventAction(t.office, id, 'sendNotice'));
}

/**
 * `noticed`, then (unless speeches exist) member010's speech with its text selected first for 5 minutes and member011's,
 * its text added later, rejected. The two speech ids, member010's first.
 */
export async function speechesDecided(t: People, id: number, ms: Members): Promise<[number, number]> {
  await noticed(t, id, ms);
  const ids = async () =>
    (
      await query<{ id: number }>(
        t.database.db,
        sql`select id from consultation_speeches where event_id = ${id} order by id`,
      )
    ).map((r) => r.id);
  if ((await ids()).length > 0) return (await ids()) as [number, number];
  const s1 = (
    await okBody(
      await t.member.post(`/api/consultations/events/${id}/speeches`, {
        title: '以“微更新”激活老旧街区',
        body: '建议设立微更新专项资金……',
      }),
    )
  ).id;
  const s2 = (
    await okBody(await t.member2.post(`/api/consultations/events/${id}/speeches`, { title: '老旧小区加装电梯' }))
  ).id;
  await okBody(
    await t.member2.put(`/api/consultations/speeches/${s2}`, { title: '老旧小区加装电梯', body: '建议简化审批……' }),
  );
  const decide = (sid: number, body: Record<string, unknown>) =>
    t.office.post(`/api/consultations/speeches/${sid}/decision`, body);
  await okBody(await decide(s1, { action: 'select', position: 1, minutesAllowed: 5 }));
  await okBody(await decide(s2, { action: 'reject', comment: '内容与其他发言重复' }));
  return [s1, s2];
}

/**
 * `speechesDecided`, then (if not held yet) member010 checked in at the meeting, the event held, member010's speech
 * delivered and member011 put on the research group.
 */
export async function held(t: People, id: number, ms: Members) {
  const [speech1] = await speechesDecided(t, id, ms);
  if ((await stateOf(t, id)) !== 'noticed') return;
  const e = await okBody(await t.office.get(`/api/consultations/events/${id}`));
  await okBody(await t.office.post(`/api/meetings/${e.meetingId}/attendance/${ms.m1}`, { present: true }));
  await okBody(await eventAction(t.office, id, 'hold'));
  await okBody(await t.office.post(`/api/consultations/speeches/${speech1}/decision`, { action: 'deliver' }));
  const p = e.participants.find((x: any) => x.memberId === ms.m2);
  await okBody(await t.office.put(`/api/consultations/events/${id}/participants/${p.id}/research`, { on: true }));
}

/** `held`, then (if not done yet) its minutes recorded and the event completed. */
export async function done(t: People, id: number, ms: Members) {
  await held(t, id, ms);
  if ((await stateOf(t, id)) !== 'held') return;
  await okBody(
    await eventAction(t.office, id, 'recordMinutes', { minutes: '会议听取了市住建局的情况通报，6位委员作了发言……' }),
  );
  await okBody(await eventAction(t.office, id, 'complete'));
}
