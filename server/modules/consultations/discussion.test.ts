// Online discussions through the routes: staff open one, members write and vote (one vote per participant and
// statement, even under parallel taps), the next statement is the least voted, anonymity, word filter and moderation
// (audited), duty facts, the opinion map computed by the background job, the summary to Word and into an outcome.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { query, queryOne } from '../../platform/db/client.ts';
import { runDueJobs } from '../../platform/jobs/jobs.ts';
import { notificationEvents } from '../../platform/notifications/notifications.ts';
import { type Client, login, okBody, testAppForFile } from '../../test/harness.ts';
import {
  heldStatement,
  moderate,
  openBody as open,
  twoStatements,
  vote,
  votedFirst,
  write,
} from './discussion.fixtures.ts';
import { inDays } from './test-helpers.ts';

const t = testAppForFile();
let office: Client;
let unit: Client;
let county: Client;
let members: Client[];
const db = () => t.database.db;

beforeAll(async () => {
  // One at a time: password hashing is limited to a few sign-ins at once.
  const clients: Client[] = [];
  for (const u of [
    'office_staff',
    'unit01',
    'county_office_staff',
    ...Array.from({ length: 8 }, (_, i) => `member10${i}`),
  ])
    clients.push(await login(t.app, u));
  [office, unit, county, ...members] = clients;
});

const counts = (sid: number) =>
  queryOne<{ agree: number; disagree: number; pass: number; votes: number }>(
    db(),
    sql`select agree, disagree, pass, (select count(*)::int from discussion_votes v where v.statement_id = s.id) as votes
      from discussion_statements s where id = ${sid}`,
  );

describe('opening a discussion', () => {
  it('checks the input, is staff only, idempotent and invisible to another committee', async () => {
    const bad = await office.post('/api/discussions', open({ closesAt: inDays(-2) }));
    expect([bad.status, bad.body.field, bad.body.message]).toEqual([400, 'closesAt', '「截止时间」应晚于开始时间']);
    expect((await office.post('/api/discussions', open({ audience: 'named' }))).body.field).toBe('accountIds');
    expect((await members[0].post('/api/discussions', open())).status).toBe(403);
    const a = await okBody(await office.post('/api/discussions', open({ clientKey: 'disc-key-0001' })));
    const b = await okBody(await office.post('/api/discussions', open({ clientKey: 'disc-key-0001' })));
    expect(a.id).toBe(b.id);
    const id = a.id;
    const d = await okBody(await members[0].get(`/api/discussions/${id}`));
    expect([d.status, d.audienceLabel, d.maxLength, d.can]).toEqual([
      'open',
      '本会委员',
      140,
      { manage: false, takePart: true },
    ]);
    expect((await county.get(`/api/discussions/${id}`)).status).toBe(404);
    // A unit's account is not a member: the discussion is not theirs to see.
    expect((await unit.get(`/api/discussions/${id}`)).status).toBe(404);
    expect((await unit.get('/api/discussions')).body.items.some((x: any) => x.id === id)).toBe(false);
    const audit = await queryOne<{ n: number }>(
      db(),
      sql`select count(*)::int as n from audit_log where action = 'discussion.create' and entity_id = ${String(id)}`,
    );
    expect(audit!.n).toBe(1);
  });
});

describe('statements and votes', () => {
  it('takes short statements, anonymous to other participants but not to staff', async () => {
    const { id } = await okBody(await office.post('/api/discussions', open()));
    const long = await members[0].post(`/api/discussions/${id}/statements`, { body: '长'.repeat(141) });
    expect([long.status, long.body.message]).toEqual([400, '「观点」不能超过 140 个字']);
    await write(members[0], id, '建议由政府补贴加装电梯费用的三成');
    await write(members[1], id, '加装电梯应由一楼住户同意后方可实施');
    const seen = (await okBody(await members[1].get(`/api/discussions/${id}/statements`))).items;
    expect(seen.map((s: any) => [s.body, s.author, s.agree])).toEqual([
      ['建议由政府补贴加装电梯费用的三成', '参与者', 1],
      ['加装电梯应由一楼住户同意后方可实施', '我', 1],
    ]);
    const staff = (await okBody(await office.get(`/api/discussions/${id}/statements`))).items;
    const name = await queryOne<{ display_name: string }>(
      db(),
      sql`select display_name from accounts where username = 'member100'`,
    );
    expect(staff[0].author).toBe(name!.display_name);
  });

  it('counts parallel double taps once and replaces a changed vote', async () => {
    const { id, s1 } = await twoStatements(office, members);
    const taps = await Promise.all(Array.from({ length: 6 }, () => vote(members[2], id, s1, 'agree')));
    expect(taps.every((r) => r.status === 200)).toBe(true);
    expect(await counts(s1)).toEqual({ agree: 2, disagree: 0, pass: 0, votes: 2 });
    // Mixed parallel taps: whatever wins, one vote and counts that add up.
    await Promise.all([
      vote(members[3], id, s1, 'agree'),
      vote(members[3], id, s1, 'disagree'),
      vote(members[3], id, s1, 'pass'),
    ]);
    const c = (await counts(s1))!;
    expect([c.votes, c.agree + c.disagree + c.pass]).toEqual([3, 3]);
    await okBody(await vote(members[2], id, s1, 'disagree'));
    const after = (await counts(s1))!;
    expect([after.votes, after.disagree - c.disagree, c.agree - after.agree]).toEqual([3, 1, 1]);
    expect((await vote(members[2], id, 999999, 'agree')).status).toBe(404);
    expect((await office.put(`/api/discussions/${id}/statements/${s1}/vote`, { vote: 'agree' })).status).toBe(403);
  });

  it('shows next the statement with the fewest votes that the participant has not voted on', async () => {
    const d = await twoStatements(office, members);
    const { id, s1, s2 } = d;
    await votedFirst(members, d);
    const n = await okBody(await members[4].get(`/api/discussions/${id}/next`));
    expect([n.statement.id, n.remaining, n.voted]).toEqual([s2, 2, 0]);
    await okBody(await vote(members[4], id, s2, 'pass'));
    const n2 = await okBody(await members[4].get(`/api/discussions/${id}/next`));
    expect([n2.statement.id, n2.remaining]).toEqual([s1, 1]);
    // The author's own statement counts as agreed and never comes up for them.
    const own = await okBody(await members[0].get(`/api/discussions/${id}/next`));
    expect(own.statement.id).toBe(s2);
  });

  it('holds statements with a filtered word for review and publishes them on approval', async () => {
    const { id } = await twoStatements(office, members);
    const held = await heldStatement(office, members, id);
    expect(held.state).toBe('pending');
    expect((await okBody(await members[6].get(`/api/discussions/${id}/statements`))).items).toHaveLength(2);
    const pending = (await okBody(await office.get(`/api/discussions/${id}/statements?state=pending`))).items;
    expect(pending.map((s: any) => [s.id, s.filtered])).toEqual([[held.id, true]]);
    await okBody(await moderate(office, id, held.id, 'approve'));
    await okBody(await moderate(office, id, held.id, 'hide'));
    expect((await okBody(await members[6].get(`/api/discussions/${id}/statements`))).items).toHaveLength(2);
    const again = await moderate(office, id, held.id, 'hide');
    expect(again.status).toBe(409);
    expect((await moderate(members[0], id, held.id, 'restore')).status).toBe(403);
  });

  it('suggests and merges duplicates, pins and adopts (a duty fact), every action audited', async () => {
    const { id, s1, s2 } = await twoStatements(office, members);
    // The held statement approved then hidden: the first two audited actions on this discussion's statements.
    const held = await heldStatement(office, members, id);
    await okBody(await moderate(office, id, held.id, 'approve'));
    await okBody(await moderate(office, id, held.id, 'hide'));
    const dup = await write(members[6], id, '建议政府补贴加装电梯费用三成左右');
    const similar = (await okBody(await office.get(`/api/discussions/${id}/statements/${dup.id}/similar`))).items;
    expect(similar[0].id).toBe(s1);
    await okBody(await moderate(office, id, dup.id, 'merge', { intoId: s1 }));
    const row = await queryOne<{ state: string; merged_into: number }>(
      db(),
      sql`select state, merged_into from discussion_statements where id = ${dup.id}`,
    );
    expect(row).toEqual({ state: 'merged', merged_into: s1 });
    await okBody(await moderate(office, id, s2, 'pin'));
    const n = await okBody(await members[7].get(`/api/discussions/${id}/next`));
    expect(n.statement.id).toBe(s2);
    await okBody(await moderate(office, id, s1, 'adopt'));
    // member100's facts from this discussion and its statement s1 (other tests' discussions have their own).
    const facts = await query<{ kind: string }>(
      db(),
      sql`select f.kind from duty_facts f join accounts a on a.member_id = f.member_id and a.committee_id = f.committee_id
        where a.username = 'member100' and f.kind like 'discussion.%' and f.revoked_at is null
          and ((f.source_type = 'discussion' and f.source_id = ${id})
            or (f.source_type = 'discussion_statement' and f.source_id = ${s1}))
        order by f.kind`,
    );
    expect(facts.map((f) => f.kind)).toEqual(['discussion.adopted', 'discussion.participated']);
    const audit = await query<{ action: string }>(
      db(),
      sql`select action from audit_log where entity = 'discussion_statement' and action like 'discussion.statement.%'
        and entity_id in (select id::text from discussion_statements where discussion_id = ${id}) order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'discussion.statement.approve',
      'discussion.statement.hide',
      'discussion.statement.merge',
      'discussion.statement.pin',
      'discussion.statement.adopt',
    ]);
  });

  it('threads comments and pushes new statements live', async () => {
    const { id, s1 } = await twoStatements(office, members);
    const c1 = await okBody(
      await members[1].post(`/api/discussions/${id}/comments`, { body: '同意，但要分档补贴', statementId: s1 }),
    );
    await okBody(
      await members[0].post(`/api/discussions/${id}/comments`, { body: '分档标准可以参考收入', parentId: c1.id }),
    );
    const list = (await okBody(await members[2].get(`/api/discussions/${id}/comments`))).items;
    expect(list.map((c: any) => [c.body, c.parentId, c.author])).toEqual([
      ['同意，但要分档补贴', null, '参与者'],
      ['分档标准可以参考收入', c1.id, '参与者'],
    ]);
    const heard = new Promise<void>((resolve) => notificationEvents.once(`discussion:1:${id}`, () => resolve()));
    await write(members[3], id, '可以引入社会资本参与电梯运营');
    await heard;
  });
});

describe('the opinion map', () => {
  it('is computed in the background and finds two camps and what both agree on', async () => {
    const m = await okBody(await office.post('/api/discussions', open({ topic: '社区养老服务' })));
    const did = m.id;
    const st = async (c: Client, body: string) =>
      (await okBody(await c.post(`/api/discussions/${did}/statements`, { body }))).id as number;
    const a = [await st(members[0], '社区食堂应当全面免费'), await st(members[0], '养老服务应以政府投入为主')];
    const b = [await st(members[4], '社区食堂应当按成本收费'), await st(members[4], '养老服务应以市场运营为主')];
    const common = await st(members[1], '应当增加社区养老服务人员');
    for (const [i, c] of members.entries()) {
      const camp = i < 4 ? 1 : -1;
      for (const s of a) await okBody(await vote(c, did, s, camp > 0 ? 'agree' : 'disagree'));
      for (const s of b) await okBody(await vote(c, did, s, camp > 0 ? 'disagree' : 'agree'));
      await okBody(await vote(c, did, common, 'agree'));
    }
    const before = await okBody(await members[0].get(`/api/discussions/${did}/map`));
    expect(before.computedAt).toBeNull();
    const later = new Date(Date.now() + 10 * 60_000);
    while ((await runDueJobs(db(), { now: later, limit: 500 })) > 0);
    const job = await queryOne<{ status: string }>(
      db(),
      sql`select status || coalesce(last_error, '') as status from jobs where kind = 'discussion.map' and payload->>'discussionId' = ${String(did)}`,
    );
    expect(job!.status).toBe('done');
    const seen = await okBody(await members[0].get(`/api/discussions/${did}/map`));
    expect([seen.k, seen.clustered, seen.groups.map((g: any) => g.size)]).toEqual([2, 8, [4, 4]]);
    expect(seen.consensus.map((c: any) => c.body)).toEqual(['应当增加社区养老服务人员']);
    expect(seen.divisive).toHaveLength(4);
    const groupOf = (me: boolean) => seen.points.filter((p: any) => p.me === me).map((p: any) => p.group);
    expect(seen.points.every((p: any) => p.name === null)).toBe(true);
    expect(groupOf(true)).toHaveLength(1);
    const staff = await okBody(await office.get(`/api/discussions/${did}/map`));
    expect(staff.points.every((p: any) => typeof p.name === 'string')).toBe(true);
    const stored = await queryOne<{ result: unknown }>(
      db(),
      sql`select result from discussion_maps where discussion_id = ${did}`,
    );
    // Reproducible: recomputing from the same votes stores the same map.
    const { recomputeMap } = await import('./discussion-votes.ts');
    await recomputeMap(t.database.db, 1, did);
    const again = await queryOne<{ result: unknown }>(
      db(),
      sql`select result from discussion_maps where discussion_id = ${did}`,
    );
    expect(again!.result).toEqual(stored!.result);

    const summary = await okBody(await office.get(`/api/discussions/${did}/summary`));
    expect(summary.text).toContain('形成2组意见');
    expect(summary.text).toContain('三、共识意见（各组多数赞同）\n1. 应当增加社区养老服务人员');
    await okBody(
      await office.put(`/api/discussions/${did}/summary`, {
        text: `${summary.text}\n工作人员补充：建议纳入年度计划。`,
      }),
    );
    const word = await office.get(`/api/discussions/${did}/summary.docx`);
    expect([word.status, word.raw.subarray(0, 2).toString()]).toEqual([200, 'PK']);
    expect((await members[0].get(`/api/discussions/${did}/summary`)).status).toBe(403);
    const outcome = await okBody(
      await office.post('/api/consultation-outcomes', {
        kind: '协商专报',
        title: '社区养老服务协商专报',
        body: '正文。',
      }),
    );
    await okBody(await office.post(`/api/discussions/${did}/summary/attach`, { outcomeId: outcome.id }));
    const o = await okBody(await office.get(`/api/consultation-outcomes/${outcome.id}`));
    expect(o.body).toContain('网络议政意见汇总：社区养老服务');
    expect(o.body).toContain('工作人员补充：建议纳入年度计划。');
  });

  it('refuses votes outside the open time', async () => {
    const closed = await okBody(
      await office.post('/api/discussions', open({ opensAt: inDays(-10), closesAt: inDays(-1) })),
    );
    const r = await members[0].post(`/api/discussions/${closed.id}/statements`, { body: '迟到的观点' });
    expect([r.status, r.body.error]).toEqual([409, 'discussion.not_open']);
  });
});
