// 委员会客室 through the routes: the studio's leader sets the rota; a citizen asks on the studio's page with a one-time
// code; the question is with the member on duty that day; unanswered at the end of the day it moves to the next member
// on duty and is flagged; that member answers and allows it on the public page, which shows it without citizen data.
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setTestClock } from '../../platform/dates.ts';
import { query, queryOne } from '../../platform/db/client.ts';
import { runDueJobs } from '../../platform/jobs/jobs.ts';
import { type Client, createTestApp, login, okBody, type TestContext } from '../../test/harness.ts';
import { setSmsSender } from './sms.ts';
import { anonymous, smsInbox } from './test-helpers.ts';

let t: TestContext;
let office: Client;
let leader: Client;
let second: Client;
let outsider: Client;
let ids: Record<string, number>;
let studioId: number;
let token: string;
const inbox = smsInbox();
const lastCode = inbox.lastCode;
const anon = anonymous(() => t.app, '10.3.0.1');

beforeAll(async () => {
  t = await createTestApp();
  setSmsSender(inbox);
  [office, leader, second, outsider] = await Promise.all(
    ['office_staff', 'member050', 'member051', 'member052'].map((u) => login(t.app, u)),
  );
  const rows = await query<{ username: string; member_id: number }>(
    t.database.db,
    sql`select username, member_id from accounts where username in ('member050', 'member051', 'member052')`,
  );
  ids = Object.fromEntries(rows.map((r) => [r.username, r.member_id]));
  studioId = (
    await okBody(
      await office.post('/api/grassroots/studios', {
        name: '东城委员工作室',
        kind: 'township',
        leaderMemberId: ids.member050,
        memberIds: [ids.member050, ids.member051],
      }),
    )
  ).id;
  token = (await queryOne<{ t: string }>(
    t.database.db,
    sql`select public_token as t from grassroots_studios where id = ${studioId}`,
  ))!.t;
});
afterEach(() => setTestClock(null));
afterAll(async () => {
  setSmsSender(null);
  await t.close();
});

describe('委员会客室', () => {
  it('rota → question → moved to the next on duty and flagged → answered → shown on the public page', async () => {
    setTestClock('2026-12-01T02:00:00Z');
    const rota = {
      entries: [
        { date: '2026-12-01', memberId: ids.member050 },
        { date: '2026-12-02', memberId: ids.member051 },
      ],
    };
    expect((await outsider.put(`/api/grassroots/studios/${studioId}/rota`, rota)).status).toBe(403);
    const notMember = { entries: [{ date: '2026-12-03', memberId: ids.member052 }] };
    expect((await leader.put(`/api/grassroots/studios/${studioId}/rota`, notMember)).body.message).toBe(
      '值班委员须是本工作室的委员',
    );
    await okBody(await leader.put(`/api/grassroots/studios/${studioId}/rota`, rota));
    expect((await anon('GET', `/api/public/studios/${token}`)).body.reception).toEqual({
      onDutyToday: expect.any(String),
      answers: [],
    });

    const phone = '13700001111';
    await okBody(await anon('POST', `/api/public/studios/${token}/code`, { phone }));
    await okBody(
      await anon('POST', `/api/public/reception/${token}/questions`, {
        phone,
        code: lastCode(phone),
        question: '社区养老食堂什么时候开业？',
      }),
    );
    const mine = await okBody(await leader.get('/api/grassroots/reception/mine'));
    expect(mine.onDutyToday).toEqual(['东城委员工作室']);
    expect(mine.open).toMatchObject([{ question: '社区养老食堂什么时候开业？', flagged: false, dutyOn: '2026-12-01' }]);
    const todos = await okBody(await leader.get('/api/todos'));
    expect(JSON.stringify(todos)).toContain('待答复的委员会客室问题');

    // The end of 1 December (Beijing): the job moves it to the member on duty on 2 December, flagged.
    setTestClock('2026-12-01T16:00:05Z');
    await runDueJobs(t.database.db, { now: new Date('2026-12-01T16:00:05Z') });
    expect((await okBody(await leader.get('/api/grassroots/reception/mine'))).open).toEqual([]);
    const moved = await okBody(await second.get('/api/grassroots/reception/mine'));
    expect(moved.open).toMatchObject([{ flagged: true, moved: 1, dutyOn: '2026-12-02' }]);
    const qid = moved.open[0].id;
    expect(
      (await leader.post(`/api/grassroots/reception/questions/${qid}/answer`, { answer: 'x', showPublic: true }))
        .status,
    ).toBe(404);
    await okBody(
      await second.post(`/api/grassroots/reception/questions/${qid}/answer`, {
        answer: '预计下月中旬开业，届时社区会通知。',
        showPublic: true,
      }),
    );
    expect(
      (await second.post(`/api/grassroots/reception/questions/${qid}/answer`, { answer: 'y', showPublic: true }))
        .status,
    ).toBe(409);
    const page = await anon('GET', `/api/public/studios/${token}`);
    expect(page.body.reception.answers).toMatchObject([
      { question: '社区养老食堂什么时候开业？', answer: '预计下月中旬开业，届时社区会通知。' },
    ]);
    expect(page.raw).not.toContain('1111');
    const staff = await okBody(await office.get(`/api/grassroots/studios/${studioId}/reception-questions`));
    expect(staff.items).toMatchObject([{ flagged: true, answer: '预计下月中旬开业，届时社区会通知。' }]);
    const audit = await query<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where action like 'grassroots.reception.%' order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'grassroots.reception.rota',
      'grassroots.reception.ask',
      'grassroots.reception.answer',
    ]);
  });
});
