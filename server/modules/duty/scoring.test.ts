// The three ready rule sets on a small fixed data set with hand-computed scores; reversal; reproducibility of any
// score from facts + rule version; the set-based SQL and the line-by-line explanation always agree.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { query, queryOne } from '../../platform/db/client.ts';
import { login, testAppForFile } from '../../test/harness.ts';
import { recordDutyFact, revokeDutyFacts } from './facts.ts';
import { PRESETS } from './rule-presets.ts';
import { currentVersion } from './rule-versions.ts';
import { explainMember, rescore, scoreSql } from './scoring.ts';

const YEAR = 2030; // inside the demo term (2026–2031) and free of other facts
const t = testAppForFile({ admin: 'admin' });
let cityId: number;
const ids: Record<'A' | 'B' | 'C', number> = { A: 0, B: 0, C: 0 };
const db = () => t.database.db;

async function fact(
  memberId: number,
  kind: string,
  n: number,
  opts: { role?: 'self' | 'lead' | 'cosigner'; detail?: Record<string, unknown>; source?: string } = {},
) {
  for (let i = 0; i < n; i++) {
    const sourceId = 100000 + Math.floor(Math.random() * 1e9);
    await db().transaction((tx) =>
      recordDutyFact(tx, {
        committeeId: cityId,
        memberId,
        kind,
        role: opts.role ?? 'self',
        sourceType: opts.source ?? 'test',
        sourceId,
        occurredOn: `${YEAR}-0${1 + (i % 9)}-15`,
        detail: { title: `${kind} ${i + 1}`, ...(opts.detail ?? {}) },
      }),
    );
  }
}

async function useRules(key: keyof typeof PRESETS) {
  const res = await t.admin.put('/api/duty/rules', { year: YEAR, rules: PRESETS[key].rules, note: `采用${key}` });
  expect(res.status).toBe(200);
  return res.body;
}

const stored = async (memberId: number) =>
  queryOne<any>(
    db(),
    sql`select total::float8 as total, grade, components, checklist_done, checklist_missing, version_id from duty_scores
      where committee_id = ${cityId} and year = ${YEAR} and member_id = ${memberId}`,
  );

beforeAll(async () => {
  cityId = t.admin.me.committee.id;
  for (const [k, u] of [
    ['A', 'member020'],
    ['B', 'member021'],
    ['C', 'member022'],
  ] as const) {
    ids[k] = (await login(t.app, u)).me.account.memberId;
  }
  const { A, B, C } = ids;
  await fact(A, 'meeting.present', 1, { detail: { meetingKind: 'plenary', halfDays: 3 } });
  await fact(A, 'meeting.absent', 1, { detail: { meetingKind: 'standing', halfDays: 1 } });
  await fact(A, 'meeting.leave', 1, { detail: { meetingKind: 'standing', halfDays: 1 } });
  await fact(A, 'proposal.filed', 2);
  await fact(A, 'proposal.registered', 2);
  await fact(A, 'proposal.filed', 1, { role: 'lead' });
  await fact(A, 'proposal.registered', 1, { role: 'lead' });
  await fact(A, 'proposal.key', 1, { role: 'lead' });
  await fact(A, 'proposal.commended', 1);
  await fact(A, 'activity.research', 1);
  await fact(A, 'activity.training', 1);
  await fact(A, 'activity.goodDeed', 7);
  await fact(A, 'speech.delivered', 1, { detail: { mode: 'written' } });
  await fact(A, 'opinion.submitted', 1);
  await fact(A, 'opinion.adopted', 1, { detail: { level: 'city' } });
  await fact(B, 'meeting.absent', 2, { detail: { meetingKind: 'plenary', halfDays: 1 } });
  await fact(B, 'proposal.filed', 1, { role: 'cosigner' });
  await fact(B, 'proposal.registered', 1, { role: 'cosigner' });
  await fact(B, 'proposal.key', 1, { role: 'cosigner' });
  await fact(B, 'proposal.commended', 1, { role: 'cosigner' });
  await fact(B, 'activity.grassroots', 1);
  await fact(C, 'meeting.leave', 1, { detail: { meetingKind: 'plenary', halfDays: 2 } });
  // A revoked fact never counts.
  await fact(C, 'meeting.present', 1, { detail: { meetingKind: 'plenary', halfDays: 2 }, source: 'revoked' });
  await db().execute(sql`update duty_facts set revoked_at = now() where source_type = 'revoked'`);
});

describe('ready rule sets on a fixed data set (hand-computed)', () => {
  it('百分制: caps per category, half points for a joint lead, deductions for standing-meeting absence', async () => {
    await useRules('hundred');
    // A: meetings 50 − 5 − 2 = 43; proposals 20 + 30 + 5 + 7.5 = 62.5 → cap 25; activities 9×2 + 5 = 23 → cap 10;
    //    opinions 10 + 5 = 15. Total 93 → 优秀.
    expect(await stored(ids.A)).toMatchObject({
      total: 93,
      grade: 'excellent',
      components: { meetings: 43, proposals: 25, activities: 10, opinions: 15 },
      checklist_done: 4,
      checklist_missing: ['grassroots', 'introduction'],
    });
    // B: plenary absences 0, co-signed proposals 0, one activity 2. Total 2 → 不称职.
    expect(await stored(ids.B)).toMatchObject({ total: 2, grade: 'incompetent' });
    // C: plenary leave 30 (the revoked presence does not count). Total 30.
    expect(await stored(ids.C)).toMatchObject({ total: 30, grade: 'incompetent', components: { meetings: 30 } });
  });

  it('120 分制: base 70, plenary deductions, first registered proposal not counted, good deeds capped at 10', async () => {
    await useRules('base120');
    // A: deductions 0; bonus (3 registered − 1) × 5 + key 5 + commended 10 = 25; good deeds 7 × 2 = 14 → 10. 70 + 35 = 105.
    expect(await stored(ids.A)).toMatchObject({
      total: 105,
      grade: 'excellent',
      components: { bonus: 25, goodDeeds: 10 },
    });
    // B: 70 − 2 × 30 + (1 − 1) × 5 + 5 + 10 = 25.
    expect(await stored(ids.B)).toMatchObject({
      total: 25,
      grade: 'incompetent',
      components: { deductions: -60, bonus: 15 },
    });
    // C: 70 − 10 = 60 → 称职.
    expect(await stored(ids.C)).toMatchObject({ total: 60, grade: 'competent' });
  });

  it('累计积分制: 5 per plenary half day, training 10, lead 15 / co-signer 3, no cap', async () => {
    await useRules('accumulate');
    // A: plenary 3 half days × 5 = 15; training 10 + 8 other activities × 5 = 50; registered 3 × 15 + key 15 + commended 10 = 70.
    expect(await stored(ids.A)).toMatchObject({
      total: 135,
      grade: 'excellent',
      components: { meetings: 15, activities: 50, proposals: 70 },
    });
    // B: grassroots 5; co-signer registered 3 + key 3 + commended 2 = 8. Total 13.
    expect(await stored(ids.B)).toMatchObject({ total: 13, grade: 'incompetent' });
    expect(await stored(ids.C)).toMatchObject({ total: 0 });
  });
});

describe('explanation and reproducibility', () => {
  it('explains every fact line by line with the rule that gave its points, and agrees with the set-based score', async () => {
    await useRules('base120');
    const v = await currentVersion(db(), cityId, YEAR);
    const e = await explainMember(db(), cityId, ids.A, YEAR, v);
    expect(e.total).toBe(105);
    const registered = e.lines.filter((l) => l.kind === 'proposal.registered');
    expect(registered.map((l) => [l.rule, l.points, l.note])).toEqual([
      ['提案立案（第 1 件为基本要求）', 0, '前 1 项为基本要求，不计分'],
      ['提案立案（第 1 件为基本要求）', 5, null],
      ['提案立案（第 1 件为基本要求）', 5, null],
    ]);
    expect(e.lines.find((l) => l.kind === 'opinion.submitted')).toMatchObject({
      rule: null,
      points: 0,
      note: '本年度积分规则未对此项计分',
    });
    expect(e.notes).toContain('「为群众办实事」合计 14 分，超过上限，按 10 分计');
    // Every member of the committee: explanation total = stored total.
    const all = await query<{ member_id: number; total: number }>(
      db(),
      sql`select member_id, total::float8 as total from duty_scores where committee_id = ${cityId} and year = ${YEAR} order by member_id`,
    );
    expect(all.length).toBeGreaterThan(250);
    for (const row of all.filter((r) => Object.values(ids).includes(r.member_id) || r.member_id % 50 === 0)) {
      const x = await explainMember(db(), cityId, row.member_id, YEAR, v);
      expect([row.member_id, x.total]).toEqual([row.member_id, row.total]);
    }
  });

  it('reproduces an earlier score from the facts as they stood and the rule version it used', async () => {
    await useRules('hundred');
    const before = await stored(ids.A);
    const computedAt = (await queryOne<{ t: string }>(
      db(),
      sql`select computed_at::text as t from duty_scores where committee_id = ${cityId} and year = ${YEAR} and member_id = ${ids.A}`,
    ))!.t;
    // Reversal: A's plenary presence is revoked (e.g. a check-in undone) → meetings 43 → −7 → floor 0.
    const src = await queryOne<{ source_type: string; source_id: number }>(
      db(),
      sql`select source_type, source_id from duty_facts where member_id = ${ids.A} and kind = 'meeting.present' and year = ${YEAR} and revoked_at is null`,
    );
    await db().transaction((tx) =>
      revokeDutyFacts(tx, cityId, { sourceType: src!.source_type, sourceId: src!.source_id }),
    );
    await db().transaction((tx) => rescore(tx, cityId, YEAR, [ids.A]));
    expect(await stored(ids.A)).toMatchObject({ total: 50, components: { meetings: 0 } });
    // The old score comes back from the old version and the facts as of its computation time.
    const v = (await queryOne<any>(db(), sql`select id from duty_rule_versions where id = ${before.version_id}`))!;
    const version = await currentVersion(db(), cityId, YEAR);
    expect(version.id).toBe(v.id);
    const [again] = await query<any>(
      db(),
      sql`select total::float8 as total from (${scoreSql(cityId, YEAR, version, { memberIds: [ids.A], asOf: computedAt })}) s`,
    );
    expect(again.total).toBe(before.total);
    const e = await explainMember(db(), cityId, ids.A, YEAR, version, { asOf: computedAt });
    expect(e.total).toBe(93);
  });

  it('marks members with new facts as changed and re-scores only them on the next read', async () => {
    await useRules('hundred');
    const prev = await stored(ids.C);
    await fact(ids.C, 'opinion.submitted', 1);
    const dirty = await queryOne<{ n: number }>(
      db(),
      sql`select count(*)::int as n from duty_dirty where committee_id = ${cityId} and year = ${YEAR} and member_id = ${ids.C}`,
    );
    expect(dirty!.n).toBe(1);
    const list = await t.admin.get(`/api/duty/scores?year=${YEAR}&q=${encodeURIComponent('')}&pageSize=500`);
    expect(list.status).toBe(200);
    const c = list.body.items.find((x: any) => x.memberId === ids.C);
    expect(c.total).toBe(prev.total + 10);
  });
});
