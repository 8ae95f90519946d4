// Outcome figures recounted from the rows, and the Word report and Excel list as a user downloads them.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { beijingToday } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { type Client, login, testAppForFile } from '../../test/harness.ts';
import { docxText } from '../opinions/test-helpers.ts';
import { outcomeAction } from './test-helpers.ts';

const t = testAppForFile();
let db: Db;
let office: Client;
let leader: Client;
let unit1: Client;
const today = beijingToday();
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  db = t.database.db;
  office = await login(t.app, 'office_staff');
  leader = await login(t.app, 'leader');
  unit1 = await login(t.app, 'unit01');
});

async function outcome(kind: string, title: string, opts: { instruct?: string; rate?: string; transform?: string[] }) {
  const id = (await office.post('/api/consultation-outcomes', { kind, title, body: '第一段。\n第二段。' })).body.id;
  await outcomeAction(office, id, 'sendForSignOff');
  await outcomeAction(leader, id, 'signOff');
  await outcomeAction(office, id, 'submit', { submittedTo: ['government'], submittedOn: today });
  if (opts.instruct)
    await outcomeAction(office, id, 'recordInstruction', {
      leaderName: '王市长',
      leaderOrgan: 'government',
      level: opts.instruct,
      instructedOn: today,
      text: '请认真研究。',
    });
  const unitId = unit1.me.account.unitId;
  expect((await outcomeAction(office, id, 'handOver', { unitIds: [unitId] })).status).toBe(200);
  if (opts.rate) {
    const row = (await unit1.get(`/api/consultation-outcomes/${id}`)).body.units[0].id;
    const u = (a: string, d?: unknown, c: Client = unit1) =>
      c.post(`/api/consultation-outcomes/${id}/units/${row}/actions`, { action: a, data: d });
    await u('accept');
    await u('feedback', { takenUp: '已研究吸收', measures: '出台文件' });
    expect((await u('rate', { adoption: opts.rate }, office)).status).toBe(200);
    expect((await outcomeAction(office, id, 'evaluate', { transformationKinds: opts.transform ?? [] })).status).toBe(
      200,
    );
  }
  return id;
}

describe('outcome figures and documents', () => {
  it('counts the year from the rows', async () => {
    const first = await outcome('建议案', '关于发展银发经济的建议案', {
      instruct: 'city',
      rate: 'adopted',
      transform: ['policy', 'money'],
    });
    await outcome('协商专报', '关于稳就业的协商专报', { instruct: 'province', rate: 'partly' });
    await outcome('协商专报', '关于数字乡村的协商专报', { rate: 'notAdopted' });
    await outcome('调研报告', '关于老旧小区改造的调研报告', {});
    const f = (await office.get(`/api/consultation-outcomes/figures?year=${year}`)).body;
    const rows = await query<{ kind: string; n: number }>(
      db,
      sql`select kind, count(*)::int as n from consultation_outcomes where state <> 'draft' and submitted_on is not null group by kind`,
    );
    expect(f.submitted).toBe(rows.reduce((s, r) => s + r.n, 0));
    expect(Object.fromEntries(f.byKind.map((k: any) => [k.kind, k.count]))).toEqual(
      Object.fromEntries(rows.map((r) => [r.kind, r.n])),
    );
    expect(f.submitted).toBe(4);
    expect(f.instructionsByLevel.filter((l: any) => l.count).map((l: any) => [l.label, l.count])).toEqual([
      ['市级', 1],
      ['省级', 1],
    ]);
    const u = (await queryOne<any>(
      db,
      sql`select count(*)::int as handed, count(*) filter (where fed_back_at <= due_at)::int as on_time,
        count(*) filter (where adoption in ('adopted', 'partly'))::int as took, count(adoption)::int as rated from consultation_outcome_units`,
    ))!;
    expect([f.unitsHanded, f.fedBackOnTime, f.rated]).toEqual([u.handed, u.on_time, u.rated]);
    expect([f.unitsHanded, f.fedBackOnTime, f.rated]).toEqual([4, 3, 3]);
    expect(f.adoptionRate).toBe(Math.round((u.took / u.rated) * 1000) / 1000);
    expect([f.evaluated, f.transformed, f.transformationRate]).toEqual([3, 1, 0.333]);
    expect(f.byTransformation.filter((x: any) => x.count).map((x: any) => x.label)).toEqual(['政策文件', '资金投入']);
    expect((await unit1.get(`/api/consultation-outcomes/figures?year=${year}`)).status).toBe(403);

    const doc = await office.get(`/api/consultation-outcomes/${first}/report.docx`);
    expect(doc.status).toBe(200);
    const text = docxText(doc.raw);
    expect(text).toContain('关于发展银发经济的建议案');
    expect(text).toContain('王市长（市级');
    expect(text).toContain('已研究吸收');
    expect(text).toContain('政策文件、资金投入');
    const xlsx = await office.get('/api/consultation-outcomes/export');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});
