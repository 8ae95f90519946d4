// Opinion reports after the bulletin: adoptions and instructions, referrals to units with their deadlines, lists,
// search, Excel and similar reports, conversion from a proposal, and the audit of every change.

import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/context.ts';
import { formatBeijingDate } from '../../platform/dates.ts';
import { query } from '../../platform/db/client.ts';
import { runDueJobs } from '../../platform/jobs/jobs.ts';
import { createOpinionFromProposal } from './convert.ts';
import {
  accepted,
  db,
  informant,
  leader,
  member,
  member2,
  notices,
  openOpinionsApp,
  staff,
  submit,
  t,
  today,
  unit,
  unit2,
  year,
} from './opinions-fixture.ts';
import { auditedOpinionActions, count, ELEVATOR, SCHOOL } from './test-helpers.ts';

openOpinionsApp();

describe('adoptions and instructions', () => {
  it('records adoption per level (not below the committee) with a duty fact and a notice to the submitter', async () => {
    const id = await accepted();
    const low = await staff.post(`/api/opinions/${id}/adoptions`, { level: 'county', adoptedOn: today });
    expect(low).toMatchObject({ status: 400, body: { field: 'level' } });
    const res = await staff.post(`/api/opinions/${id}/adoptions`, {
      level: 'city',
      adoptedOn: today,
      note: '市委办采用',
    });
    expect(res.status).toBe(200);
    expect((await staff.post(`/api/opinions/${id}/adoptions`, { level: 'city', adoptedOn: today })).status).toBe(409);
    expect((await staff.post(`/api/opinions/${id}/adoptions`, { level: 'province', adoptedOn: today })).status).toBe(
      200,
    );
    const d = (await member.get(`/api/opinions/${id}`)).body;
    expect(d.adoptions.map((a: any) => [a.level, a.levelLabel, a.adoptedBy])).toEqual([
      ['city', '市级', '示例市政协'],
      ['province', '省级', '省政协'],
    ]);
    const facts = await query<any>(
      db(),
      sql`select kind, detail->>'level' as level from duty_facts where source_type = 'opinion_adoption' and revoked_at is null
        and (detail->>'reportId')::int = ${id} order by level`,
    );
    expect(facts).toEqual([
      { kind: 'opinion.adopted', level: 'city' },
      { kind: 'opinion.adopted', level: 'province' },
    ]);
    expect(
      (await notices(member)).some((n) => n.title === `您的社情民意信息被省政协采用（省级）：${ELEVATOR.title}`),
    ).toBe(true);
    // a mistaken record can be removed; its duty fact goes with it
    const provinceId = d.adoptions[1].id;
    expect((await member.del(`/api/opinions/${id}/adoptions/${provinceId}`)).status).toBe(403);
    expect((await staff.del(`/api/opinions/${id}/adoptions/${provinceId}`)).status).toBe(200);
    expect((await staff.get(`/api/opinions/${id}`)).body.adoptions).toHaveLength(1);
    expect(
      await count(
        db(),
        'duty_facts',
        sql`source_type = 'opinion_adoption' and source_id = ${provinceId} and revoked_at is null`,
      ),
    ).toBe(0);
    expect(
      (await staff.get(`/api/opinions?adoptedLevel=city&pageSize=100`)).body.items.map((r: any) => r.id),
    ).toContain(id);
    // not before screening
    const fresh = await submit(member);
    expect((await staff.post(`/api/opinions/${fresh}/adoptions`, { level: 'city', adoptedOn: today })).status).toBe(
      409,
    );
  });

  it("records a leader's instruction with an attachment the submitter can open", async () => {
    const id = await accepted();
    const pdf = Buffer.from('%PDF-1.4\n批示影印件\n%%EOF');
    const up = await staff.upload('/api/files', 'pishi.pdf', pdf, 'application/pdf');
    expect(up.status).toBe(200);
    const fileId = up.body.id;
    const bad = await staff.post(`/api/opinions/${id}/instructions`, {
      leaderName: '王明',
      level: 'city',
      instructedOn: 'yesterday',
      text: '请市住建局研究',
    });
    expect(bad).toMatchObject({ status: 400, body: { field: 'instructedOn' } });
    const res = await staff.post(`/api/opinions/${id}/instructions`, {
      leaderName: '王明',
      leaderTitle: '副市长',
      leaderOrgan: 'government',
      level: 'city',
      instructedOn: today,
      text: '请市住建局认真研究，提出具体措施。',
      fileIds: [fileId],
    });
    expect(res.status).toBe(200);
    const d = (await member.get(`/api/opinions/${id}`)).body;
    expect(d.instructions[0]).toMatchObject({
      leaderName: '王明',
      leaderTitle: '副市长',
      level: 'city',
      levelLabel: '市级',
      text: '请市住建局认真研究，提出具体措施。',
      files: [{ id: fileId, name: 'pishi.pdf' }],
    });
    const dl = await member.get(`/api/files/${fileId}`);
    expect(dl.status).toBe(200);
    expect(dl.raw.equals(pdf)).toBe(true);
    expect((await member2.get(`/api/files/${fileId}`)).status).toBe(403);
    expect((await notices(member)).some((n) => n.title.startsWith('副市长王明对您的社情民意信息作出批示'))).toBe(true);
    expect(
      await count(
        db(),
        'duty_facts',
        sql`kind = 'opinion.instruction' and source_id = ${res.body.id} and detail->>'level' = 'city'`,
      ),
    ).toBe(1);
  });
});

describe('referral to a handling unit', () => {
  it('goes to the unit, is answered, reviewed (returned once, then approved) and only then shown to the submitter', async () => {
    const id = await accepted();
    const unitId = unit.me.account.unitId;
    const ref = await staff.post(`/api/opinions/${id}/referrals`, { unitId, note: '请研究办理' });
    expect(ref.status).toBe(200);
    expect((await staff.post(`/api/opinions/${id}/referrals`, { unitId })).status).toBe(409);
    expect((await staff.post(`/api/opinions/${id}/referrals`, { unitId: 999999 })).status).toBe(400);
    expect((await notices(unit)).some((n) => n.title === `收到转办的社情民意信息：${ELEVATOR.title}`)).toBe(true);

    const inbox = (await unit.get('/api/opinions/referrals')).body;
    expect(inbox.items[0]).toMatchObject({ id: ref.body.id, reportId: id, state: 'referred', note: '请研究办理' });
    expect((await unit2.get('/api/opinions/referrals')).body.items).toEqual([]);
    const unitView = (await unit.get(`/api/opinions/${id}`)).body;
    expect(unitView).toMatchObject({ access: 'unit', submitterName: '', adoptions: [], timeline: [] });
    expect((await unit2.get(`/api/opinions/${id}`)).status).toBe(404);
    expect((await unit2.post(`/api/opinions/referrals/${ref.body.id}/respond`, { response: '已办' })).status).toBe(404);

    expect(
      (await unit.post(`/api/opinions/referrals/${ref.body.id}/respond`, { response: '已研究。' })).body.state,
    ).toBe('responded');
    expect((await member.get(`/api/opinions/${id}`)).body.referrals).toEqual([]);
    const rej = await staff.post(`/api/opinions/referrals/${ref.body.id}/review`, { decision: 'reject' });
    expect(rej.status).toBe(400);
    await staff.post(`/api/opinions/referrals/${ref.body.id}/review`, {
      decision: 'reject',
      comment: '请写明具体措施',
    });
    expect((await unit.get('/api/opinions/referrals')).body.items[0]).toMatchObject({
      state: 'referred',
      reviewComment: '请写明具体措施',
    });
    await unit.post(`/api/opinions/referrals/${ref.body.id}/respond`, {
      response: '我局将出台加装电梯费用分摊指导意见，年内完成。',
    });
    expect((await member.post(`/api/opinions/referrals/${ref.body.id}/review`, { decision: 'approve' })).status).toBe(
      403,
    );
    expect(
      (await staff.post(`/api/opinions/referrals/${ref.body.id}/review`, { decision: 'approve' })).body.state,
    ).toBe('approved');
    const seen = (await member.get(`/api/opinions/${id}`)).body.referrals;
    expect(seen).toEqual([
      expect.objectContaining({
        unitName: '市发展和改革委员会',
        state: 'approved',
        stateLabel: '已办复',
        response: '我局将出台加装电梯费用分摊指导意见，年内完成。',
        note: null,
      }),
    ]);
    expect((await notices(member)).some((n) => n.title === `您的社情民意信息已有部门回复：${ELEVATOR.title}`)).toBe(
      true,
    );
    expect((await unit.post(`/api/opinions/referrals/${ref.body.id}/respond`, { response: '再答' })).status).toBe(409);
  });
});

describe('referral deadlines', () => {
  it('reminds the unit before the deadline and tells the office when it passes unanswered; an answer stops both', async () => {
    const id = await accepted(member, SCHOOL);
    const due = new Date(Date.now() + 8 * 3_600_000 + 10 * 86_400_000).toISOString().slice(0, 10);
    const ref = await staff.post(`/api/opinions/${id}/referrals`, { unitId: unit2.me.account.unitId, dueOn: due });
    expect(ref.body.dueOn).toBe(due);
    const jobs = await query<any>(
      db(),
      sql`select kind, dedupe_key from jobs where dedupe_key like ${`wf:opinionReferral:${ref.body.id}:%`} and status = 'pending' order by dedupe_key`,
    );
    expect(jobs.map((j) => j.dedupe_key.split(':').slice(3).join(':'))).toEqual(['overdue', 'remind:1', 'remind:7']);
    await runDueJobs(db(), { now: new Date(`${due}T12:00:00+08:00`) });
    expect(
      (await notices(unit2)).some((n) => n.title === `转办信息将于 ${formatBeijingDate(due)} 到期：${SCHOOL.title}`),
    ).toBe(true);
    await runDueJobs(db(), { now: new Date(new Date(`${due}T12:00:00+08:00`).getTime() + 2 * 86_400_000) });
    expect((await notices(staff)).some((n) => n.title === `转办信息已超期未回复：${SCHOOL.title}`)).toBe(true);
    expect((await unit2.get('/api/opinions/referrals')).body.items[0]).toMatchObject({ id: ref.body.id, dueOn: due });
    await unit2.post(`/api/opinions/referrals/${ref.body.id}/respond`, { response: '已安排错峰上下学。' });
    const left = await count(
      db(),
      'jobs',
      sql`dedupe_key like ${`wf:opinionReferral:${ref.body.id}:%`} and status = 'pending'`,
    );
    expect(left).toBe(0);
    const past = await staff.post(`/api/opinions/${id}/referrals`, {
      unitId: unit.me.account.unitId,
      dueOn: '2020-01-01',
    });
    expect(past).toMatchObject({ status: 400, body: { field: 'dueOn' } });
  });
});

describe('lists, search, export and similar reports', () => {
  it('filters by Chinese search text, state, category, submitter kind and year, with paging and totals', async () => {
    // This file's own reports of an informant and of a second member (the first steps are in opinions.test.ts).
    await submit(informant, SCHOOL);
    await submit(member2, SCHOOL);
    const all = (await staff.get('/api/opinions?pageSize=500')).body;
    expect(all.total).toBe(all.items.length);
    expect(all.items.every((r: any) => r.state !== 'draft')).toBe(true);
    const q = (await staff.get(`/api/opinions?q=${encodeURIComponent('上下学')}&pageSize=500`)).body;
    expect(q.total).toBeGreaterThan(0);
    expect(q.items.every((r: any) => r.title.includes('上下学'))).toBe(true);
    const decl = (await staff.get('/api/opinions?state=declined')).body;
    expect(decl.items.every((r: any) => r.stateLabel === '不予编报')).toBe(true);
    const cat = (await staff.get(`/api/opinions?category=${encodeURIComponent('社会治理')}&pageSize=500`)).body;
    expect(cat.items.every((r: any) => r.category === '社会治理')).toBe(true);
    const inf = (await staff.get('/api/opinions?submitterKind=informant')).body;
    expect(inf.items.map((r: any) => r.submitterKind)).toEqual(['informant']);
    expect((await staff.get(`/api/opinions?year=${year - 3}`)).body).toEqual({ items: [], total: 0 });
    const p1 = (await staff.get('/api/opinions?pageSize=2&page=1')).body;
    const p2 = (await staff.get('/api/opinions?pageSize=2&page=2')).body;
    expect(p1.total).toBe(all.total);
    expect(p1.items.map((r: any) => r.id)).toEqual(all.items.slice(0, 2).map((r: any) => r.id));
    expect(p2.items.map((r: any) => r.id)).toEqual(all.items.slice(2, 4).map((r: any) => r.id));
    expect((await staff.get('/api/opinions?state=nonsense')).status).toBe(400);
    for (const c of [member, unit]) expect((await c.get('/api/opinions')).status).toBe(403);
    expect((await leader.get('/api/opinions')).status).toBe(200);
    const mine = (await member2.get('/api/opinions/mine?pageSize=100')).body.items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r: any) => r.submitterName === member2.me.account.displayName)).toBe(true);
  });

  it('exports the filtered list to Excel', async () => {
    const res = await staff.get(`/api/opinions/export?category=${encodeURIComponent('社会治理')}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as any);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(2).value).toBe('标题');
    const titles = [];
    for (let i = 2; i <= ws.rowCount; i++) titles.push(ws.getRow(i).getCell(2).value);
    const n = (await staff.get(`/api/opinions?category=${encodeURIComponent('社会治理')}`)).body.total;
    expect(titles).toHaveLength(n);
    expect(titles.every((x) => x === SCHOOL.title)).toBe(true);
    expect((await member.get('/api/opinions/export')).status).toBe(403);
  });

  it('shows the most similar recent reports while writing, without naming their writers', async () => {
    const res = await member2.post('/api/opinions/similar', {
      title: '关于加快老旧小区加装电梯的建议',
      body: '老旧小区加装电梯审批难、资金分摊难，建议简化审批。',
    });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items[0].title).toContain('电梯');
    expect(res.body.items[0].similarity).toBeGreaterThan(0.1);
    expect(Object.keys(res.body.items[0]).sort()).toEqual([
      'category',
      'id',
      'similarity',
      'stateLabel',
      'submittedAt',
      'title',
    ]);
    expect((await member2.post('/api/opinions/similar', { title: '', body: '' })).body.items).toEqual([]);
    expect((await unit.post('/api/opinions/similar', { title: '电梯' })).status).toBe(403);
  });
});

describe('conversion from a proposal', () => {
  it('creates a report in the screening queue with source proposal and the proposers as members', async () => {
    const members = await query<{ id: number; name: string }>(
      db(),
      sql`select id, name from members where committee_id = ${member.me.committee.id} order by id limit 2 offset 20`,
    );
    const res = await t.database.db.transaction((tx) =>
      createOpinionFromProposal(tx, systemActor(member.me.committee.id), {
        proposalId: 77,
        title: '关于规范农村集体资产管理的建议',
        text: '农村集体资产底数不清、管理不规范。建议开展清产核资。',
        memberIds: members.map((m) => m.id),
      }),
    );
    expect(res.state).toBe('submitted');
    const d = (await staff.get(`/api/opinions/${res.id}`)).body;
    expect(d).toMatchObject({
      source: 'proposal',
      state: 'submitted',
      submitterName: `${members[0].name}、${members[1].name}`,
    });
    expect(d.timeline[0]).toMatchObject({ action: 'convert', label: '由提案转来' });
    const facts = await query<any>(
      db(),
      sql`select member_id, role from duty_facts where source_type = 'opinion_report' and source_id = ${res.id} order by role`,
    );
    expect(facts).toEqual([
      { member_id: members.at(1)!.id, role: 'cosigner' },
      { member_id: members[0].id, role: 'lead' },
    ]);
    await expect(
      t.database.db.transaction((tx) =>
        createOpinionFromProposal(tx, systemActor(member.me.committee.id), {
          proposalId: 78,
          title: 't',
          text: 'x',
          memberIds: [999999],
        }),
      ),
    ).rejects.toThrow('提案人不属于本政协');
  });
});

describe('audit', () => {
  it('audits every change in the same transaction', async () => {
    // The steps before the bulletin are checked in opinions.test.ts.
    expect(await auditedOpinionActions(db())).toEqual(
      expect.arrayContaining([
        'opinion.adopt',
        'opinion.instruct',
        'opinion.adoption.delete',
        'opinionReferral.refer',
        'opinionReferral.respond',
        'opinionReferral.approve',
        'opinionReferral.reject',
      ]),
    );
  });
});
