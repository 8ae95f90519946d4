// The map job holds no transaction while it computes: on a large synthetic vote matrix (computed in the worker thread)
// a member's vote cast after the job started returns before the map is stored; a staff request computes the map in
// the background (audited) and the job ends done.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../../platform/db/client.ts';
import { okBody, testAppForFile } from '../../test/harness.ts';
import { recomputeMap } from './discussion-votes.ts';
import { inDays } from './test-helpers.ts';

const t = testAppForFile({ office: 'office_staff', member: 'member101' });
let did: number;
const db = () => t.database.db;

beforeAll(async () => {
  const d = await okBody(
    await t.office.post('/api/discussions', {
      topic: '大规模表态时的意见地图',
      audience: 'members',
      opensAt: inDays(-1),
      closesAt: inDays(14),
    }),
  );
  did = d.id;
  // 600 synthetic participants in two camps × 60 statements = 36,000 votes: over the inline limit, so the worker.
  await db().execute(sql`insert into discussion_statements (committee_id, discussion_id, author_account_id, body)
    select 1, ${did}, 1, '合成观点第' || g || '条' from generate_series(1, 60) g`);
  await db().execute(sql`insert into discussion_votes (committee_id, statement_id, account_id, discussion_id, vote)
    select 1, s.id, 1000000 + a, ${did}, case when (a % 2 = 0) = (s.id % 2 = 0) then 1 else -1 end
      from discussion_statements s, generate_series(1, 600) a where s.discussion_id = ${did}`);
});

describe('the map job', () => {
  it('lets a vote through while it computes', async () => {
    const finished: string[] = [];
    const map = recomputeMap(db(), 1, did).then((m) => {
      finished.push('map');
      return m;
    });
    const sid = (await okBody(await t.member.get(`/api/discussions/${did}/next`))).statement.id;
    const res = await t.member.put(`/api/discussions/${did}/statements/${sid}/vote`, { vote: 'agree' });
    finished.push('vote');
    expect(res.status).toBe(200);
    expect((await map)!.k).toBe(2);
    expect(finished).toEqual(['vote', 'map']);
    const stored = await queryOne<{ vote_count: number }>(
      db(),
      sql`select vote_count from discussion_maps where discussion_id = ${did}`,
    );
    expect(stored!.vote_count).toBe(36_000);
  });

  it('is computed at once when staff ask for it, off the request', async () => {
    expect((await t.member.post(`/api/discussions/${did}/map/refresh`, {})).status).toBe(403);
    await okBody(await t.office.post(`/api/discussions/${did}/map/refresh`, {}));
    let job: { status: string } | undefined;
    for (let i = 0; i < 300 && job?.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = await queryOne<{ status: string }>(
        db(),
        sql`select status from jobs where dedupe_key = ${`discussion.map:${did}:now`} order by id desc limit 1`,
      );
    }
    expect(job?.status).toBe('done');
    const map = await okBody(await t.office.get(`/api/discussions/${did}/map`));
    expect([map.k, map.clustered]).toEqual([2, 600]);
    const audit = await queryOne<{ n: number }>(
      db(),
      sql`select count(*)::int as n from audit_log where action = 'discussion.map.request'`,
    );
    expect(audit!.n).toBe(1);
  });
});
