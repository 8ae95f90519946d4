// Opinion reports inside one committee: every transition allowed and forbidden, issues and the Word bulletin,
// recorded forwards, adoptions and instructions, referrals and unit responses, lists, Excel and similar reports.

import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/context.ts';
import { formatBeijingDate } from '../../platform/dates.ts';
import { query, queryOne } from '../../platform/db/client.ts';
import { runDueJobs } from '../../platform/jobs/jobs.ts';
import { type Client, createTestApp, login, type TestContext } from '../../test/harness.ts';
import { createOpinionFromProposal } from './convert.ts';
import { count, docxText, ELEVATOR, SCHOOL } from './test-helpers.ts';
import { chinaToday, chinaYear } from './workflow.ts';

let t: TestContext;
let staff: Client;
let member: Client;
let member2: Client;
let informant: Client;
let org: Client;
let special: Client;
let unit: Client;
let unit2: Client;
let leader: Client;
let admin: Client;
const today = chinaToday();
const year = chinaYear();

beforeAll(async () => {
  t = await createTestApp();
  [staff, member, member2, informant, org, special, unit, unit2, leader, admin] = await Promise.all(
    [
      'liaison_staff',
      'member010',
      'member011',
      'informant01',
      'org01',
      'special_staff',
      'unit01',
      'unit02',
      'leader',
      'admin',
    ].map((u) => login(t.app, u)),
  );
});
afterAll(() => t.close());

const db = () => t.database.db;
const submit = async (c: Client, input: object = ELEVATOR, draft = false) => {
  const res = await c.post('/api/opinions', { ...input, submit: !draft });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
};
const screen = (id: number, decision: string, comment?: string) =>
  staff.post(`/api/opinions/${id}/screen`, { decision, comment });
const accepted = async (c: Client = member, input: object = ELEVATOR) => {
  const id = await submit(c, input);
  expect((await screen(id, 'accept')).body.state).toBe('accepted');
  return id;
};
const notices = async (c: Client) => (await c.get('/api/notifications?pageSize=100')).body.items as any[];

describe('submitting', () => {
  it('keeps a draft private to its writer, then submits it to the screening queue with a duty fact and a notice', async () => {
    const id = await submit(member, ELEVATOR, true);
    expect((await member.get(`/api/opinions/${id}`)).body).toMatchObject({ state: 'draft', stateLabel: '草稿' });
    expect((await staff.get(`/api/opinions/${id}`)).status).toBe(404);
    expect((await staff.get('/api/opinions?pageSize=500')).body.items.map((r: any) => r.id)).not.toContain(id);
    const mine = await member.get('/api/opinions/mine');
    expect(mine.body.items.find((r: any) => r.id === id)).toMatchObject({ state: 'draft', submitterKindLabel: '委员' });

    const res = await member.post(`/api/opinions/${id}/submit`);
    expect(res.body).toEqual({ id, state: 'submitted' });
    const row = (await staff.get(`/api/opinions/${id}`)).body;
    expect(row).toMatchObject({
      state: 'submitted',
      stateLabel: '待筛选',
      submitterKind: 'member',
      category: '城乡建设',
    });
    expect(row.submitterName).toBe(member.me.account.displayName);
    expect(row.charCount).toBe(ELEVATOR.body.replace(/\s/g, '').length);
    expect(row.actions.map((a: any) => a.action).sort()).toEqual(['accept', 'decline', 'return']);
    const fact = await queryOne<any>(
      db(),
      sql`select kind, role, year from duty_facts where source_type = 'opinion_report' and source_id = ${id}`,
    );
    expect(fact).toEqual({ kind: 'opinion.submitted', role: 'self', year });
    expect((await notices(staff)).some((n) => n.title === `收到社情民意信息：${ELEVATOR.title}`)).toBe(true);
    // Submitted: the writer can no longer change or delete it.
    expect((await member.put(`/api/opinions/${id}`, ELEVATOR)).status).toBe(409);
    expect((await member.del(`/api/opinions/${id}`)).status).toBe(409);
  });

  it('counts the text limit (1500 characters by default, spaces not counted) and writes nothing when over it', async () => {
    const before = await count(db(), 'opinion_reports');
    const over = await member.post('/api/opinions', { ...ELEVATOR, body: '字'.repeat(1501), submit: true });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ field: 'body', message: '「正文」不能超过 1500 字（现为 1501 字）' });
    expect(await count(db(), 'opinion_reports')).toBe(before);
    const spaced = await member.post('/api/opinions', {
      ...ELEVATOR,
      body: `${'字'.repeat(1500)}\n\n   `,
      submit: false,
    });
    expect(spaced.status).toBe(200);
    // The committee may change the limit; the new one applies at once.
    expect(
      (
        await admin.put('/api/opinions/settings', {
          maxChars: 200,
          titleMax: 60,
          categories: ['城乡建设', '社会治理', '其他'],
          referralDays: 20,
        })
      ).status,
    ).toBe(200);
    const settings = (await member.get('/api/opinions/settings')).body;
    expect(settings).toMatchObject({ maxChars: 200, categories: ['城乡建设', '社会治理', '其他'] });
    const tooLong = await member.post('/api/opinions', { ...ELEVATOR, body: '字'.repeat(201) });
    expect(tooLong.body.message).toBe('「正文」不能超过 200 字（现为 201 字）');
    const badCat = await member.post('/api/opinions', { ...ELEVATOR, category: '经济发展' });
    expect(badCat).toMatchObject({ status: 400, body: { field: 'category' } });
    expect(badCat.body.message).toContain('「类别」须为');
    expect((await staff.put('/api/opinions/settings', { maxChars: 1 })).status).toBe(403);
    await admin.put('/api/opinions/settings', {
      maxChars: 1500,
      titleMax: 60,
      categories: [
        '经济发展',
        '社会民生',
        '教育科技',
        '医疗卫生',
        '生态环境',
        '城乡建设',
        '社会治理',
        '文化旅游',
        '其他',
      ],
      referralDays: 30,
    });
    expect(await count(db(), 'opinion_reports')).toBe(before + 1);
  });

  it('answers missing or malformed fields with a Chinese message naming the field', async () => {
    const res = await member.post('/api/opinions', { body: 'x', category: '其他' });
    expect(res).toMatchObject({ status: 400, body: { field: 'title', message: '「标题」为必填项' } });
    const blank = await member.post('/api/opinions', { title: '   ', body: '内容', category: '其他' });
    expect(blank).toMatchObject({ status: 400, body: { field: 'title', message: '「标题」不能为空' } });
  });

  it('takes reports from informants, organisations and special committees, each named as such', async () => {
    for (const [c, kind, label] of [
      [informant, 'informant', '信息员'],
      [org, 'org', '党派团体'],
      [special, 'specialCommittee', '专门委员会'],
    ] as const) {
      const id = await submit(c, SCHOOL);
      const row = (await staff.get(`/api/opinions/${id}`)).body;
      expect(row).toMatchObject({ submitterKind: kind, submitterKindLabel: label, state: 'submitted' });
    }
    const row = (await staff.get('/api/opinions?submitterKind=specialCommittee')).body.items[0];
    expect(row.submitterName).toBe('经济委员会');
    const inf = await queryOne<any>(
      db(),
      sql`select informant_id from opinion_reports where submitter_kind = 'informant'`,
    );
    expect(inf.informant_id).toBe(informant.me.account.informantId ?? inf.informant_id);
    const none = await count(db(), 'duty_facts', sql`source_type = 'opinion_report' and kind = 'opinion.submitted'`);
    expect(none).toBeGreaterThan(0);
  });

  it('refuses submitting to roles that do not submit reports', async () => {
    for (const c of [staff, unit, leader, admin]) {
      expect((await c.post('/api/opinions', { ...ELEVATOR, submit: true })).status).toBe(403);
    }
  });
});

describe('screening', () => {
  it('declines only with a reason, which the submitter sees', async () => {
    const id = await submit(member);
    const noReason = await screen(id, 'decline');
    expect(noReason).toMatchObject({ status: 400, body: { field: 'comment' } });
    expect((await staff.get(`/api/opinions/${id}`)).body.state).toBe('submitted');
    expect((await screen(id, 'decline', '与第3期内容重复')).body.state).toBe('declined');
    const seen = (await member.get(`/api/opinions/${id}`)).body;
    expect(seen).toMatchObject({ state: 'declined', stateLabel: '不予编报', screenComment: '与第3期内容重复' });
    expect((await notices(member)).some((n) => n.body === '理由：与第3期内容重复')).toBe(true);
    const again = await screen(id, 'accept');
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('当前状态为「不予编报」，不能执行「采编留用」');
  });

  it('returns for revision; only the writer edits and resubmits; then the office accepts', async () => {
    const id = await submit(member);
    expect((await screen(id, 'return', '请补充具体数据')).body.state).toBe('returned');
    expect((await member2.put(`/api/opinions/${id}`, { ...ELEVATOR, submit: true })).status).toBe(404);
    expect((await member2.post(`/api/opinions/${id}/submit`)).status).toBe(404);
    const revised = { ...ELEVATOR, body: `${ELEVATOR.body}据统计，全市约有1200个单元需要加装电梯。` };
    const res = await member.put(`/api/opinions/${id}`, { ...revised, submit: true });
    expect(res.body).toEqual({ id, state: 'submitted' });
    expect((await screen(id, 'accept')).body.state).toBe('accepted');
    const d = (await member.get(`/api/opinions/${id}`)).body;
    expect(d.body).toBe(revised.body);
    expect(d.timeline.map((x: any) => x.action)).toEqual(['submit', 'return', 'resubmit', 'accept']);
    expect(d.timeline[1]).toMatchObject({ comment: '请补充具体数据', actorName: staff.me.account.displayName });
    // one submitted fact, however often it was resubmitted
    expect(await count(db(), 'duty_facts', sql`source_type = 'opinion_report' and source_id = ${id}`)).toBe(1);
  });

  it('forbids screening to submitters, units and leaders, and to staff of another committee', async () => {
    const id = await submit(member);
    for (const c of [member, unit, leader]) {
      expect((await c.post(`/api/opinions/${id}/screen`, { decision: 'accept' })).status).toBe(403);
    }
    const county = await login(t.app, 'county_liaison_staff');
    expect((await county.post(`/api/opinions/${id}/screen`, { decision: 'accept' })).status).toBe(404);
    expect((await county.get(`/api/opinions/${id}`)).status).toBe(404);
    expect((await staff.get(`/api/opinions/${id}`)).body.state).toBe('submitted');
    expect((await screen(id, 'maybe' as any)).status).toBe(400);
  });
});

describe('compiling into issues', () => {
  it('keeps the edited text apart from the original, both visible to staff and the writer', async () => {
    const id = await accepted();
    const edit = await staff.put(`/api/opinions/${id}/edited`, {
      editedTitle: '老旧小区加装电梯亟需破解三大难题',
      editedBody: '编辑后的正文：建议出台费用分摊指导意见，简化审批，设立专项补贴。',
    });
    expect(edit.status).toBe(200);
    for (const c of [staff, member]) {
      const d = (await c.get(`/api/opinions/${id}`)).body;
      expect(d).toMatchObject({
        title: ELEVATOR.title,
        body: ELEVATOR.body,
        editedTitle: '老旧小区加装电梯亟需破解三大难题',
        editedBody: '编辑后的正文：建议出台费用分摊指导意见，简化审批，设立专项补贴。',
        editedByName: staff.me.account.displayName,
      });
    }
    expect((await member.put(`/api/opinions/${id}/edited`, { editedTitle: 'x', editedBody: 'y' })).status).toBe(403);
  });

  it('numbers issues per year, compiles accepted reports, exports the bulletin to Word and locks it when issued', async () => {
    const a = await accepted();
    const b = await accepted(member2, SCHOOL);
    const pending = await submit(member);
    await staff.put(`/api/opinions/${a}/edited`, { editedTitle: '加装电梯难题待破解', editedBody: '编辑稿正文。' });
    const i1 = (await staff.post('/api/opinions/issues', { editorNote: '本期关注民生。' })).body;
    const i2 = (await staff.post('/api/opinions/issues', {})).body;
    expect(i1).toMatchObject({ number: 1, year, title: `《社情民意》${year}年第1期` });
    expect(i2).toMatchObject({ number: 2, title: `《社情民意》${year}年第2期` });
    expect((await staff.post('/api/opinions/issues', { year: 2025 })).body.title).toBe('《社情民意》2025年第1期');
    // deleting: only the last of a year, and only when empty
    expect((await staff.del(`/api/opinions/issues/${i1.id}`)).status).toBe(409);
    expect((await staff.del(`/api/opinions/issues/${i2.id}`)).status).toBe(200);

    const notAccepted = await staff.post(`/api/opinions/issues/${i1.id}/reports`, { reportIds: [pending] });
    expect(notAccepted.status).toBe(409);
    expect((await staff.post(`/api/opinions/issues/${i1.id}/reports`, { reportIds: [a, b] })).status).toBe(200);
    expect((await member.post(`/api/opinions/issues/${i1.id}/reports`, { reportIds: [a] })).status).toBe(403);
    const detail = (await staff.get(`/api/opinions/issues/${i1.id}`)).body;
    expect(detail.reports.map((r: any) => [r.id, r.position, r.title, r.edited])).toEqual([
      [a, 1, '加装电梯难题待破解', true],
      [b, 2, SCHOOL.title, false],
    ]);
    expect((await staff.put(`/api/opinions/issues/${i1.id}`, { order: [b, a] })).status).toBe(200);
    expect((await staff.put(`/api/opinions/issues/${i1.id}`, { order: [b] })).status).toBe(400);
    const compiledRow = (await member.get(`/api/opinions/${a}`)).body;
    expect(compiledRow).toMatchObject({ state: 'compiled', issue: { title: i1.title } });
    expect(
      await count(db(), 'duty_facts', sql`source_id = ${a} and kind = 'opinion.compiled' and revoked_at is null`),
    ).toBe(1);

    const word = await staff.get(`/api/opinions/issues/${i1.id}/word`);
    expect(word.status).toBe(200);
    expect(word.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(word.headers['content-disposition']))).toContain(`${i1.title}.docx`);
    const text = docxText(word.raw);
    expect(text).toContain('社情民意');
    expect(text).toContain(`${year}年第1期`);
    expect(text).toContain('示例市政协办公室编');
    expect(text).toContain('编者按：本期关注民生。');
    expect(text.indexOf(SCHOOL.title)).toBeLessThan(text.indexOf('加装电梯难题待破解'));
    expect(text).toContain('编辑稿正文。');
    expect(text).not.toContain(ELEVATOR.body.slice(0, 20));
    expect(text).toContain(`反映人：${member.me.account.displayName}，委员`);

    // remove and re-add while draft: the compiled fact is revoked then recorded again
    expect((await staff.del(`/api/opinions/issues/${i1.id}/reports/${a}`)).status).toBe(200);
    expect((await staff.get(`/api/opinions/${a}`)).body.state).toBe('accepted');
    expect(
      await count(db(), 'duty_facts', sql`source_id = ${a} and kind = 'opinion.compiled' and revoked_at is null`),
    ).toBe(0);
    await staff.post(`/api/opinions/issues/${i1.id}/reports`, { reportIds: [a] });

    expect((await staff.post(`/api/opinions/issues/${i1.id}/issue`, { issuedOn: today })).status).toBe(200);
    const locked = await staff.put(`/api/opinions/${a}/edited`, { editedTitle: '再改', editedBody: '再改' });
    expect(locked.status).toBe(409);
    expect((await staff.del(`/api/opinions/issues/${i1.id}/reports/${a}`)).status).toBe(409);
    expect((await staff.post(`/api/opinions/issues/${i1.id}/issue`, {})).status).toBe(409);
    const list = (await staff.get(`/api/opinions/issues?year=${year}`)).body;
    expect(list.items.find((x: any) => x.id === i1.id)).toMatchObject({
      state: 'issued',
      issuedOn: today,
      reportCount: 2,
    });

    // forwarding the issue to the Party committee and government records targets on each report
    const fwd = await staff.post(`/api/opinions/issues/${i1.id}/forward`, {
      targets: [{ kind: 'party' }, { kind: 'government' }],
    });
    expect(fwd.body).toEqual({ forwarded: 2 });
    const f = (await member.get(`/api/opinions/${a}`)).body.forwards.map((x: any) => x.targetName);
    expect(f).toEqual(['中共市委', '市人民政府']);
    expect((await staff.post(`/api/opinions/issues/${i1.id}/forward`, { targets: [{ kind: 'party' }] })).body).toEqual({
      forwarded: 0,
    });
    expect((await staff.get(`/api/opinions/issues/${i1.id}`)).body.forwardedTo).toEqual(['中共市委', '市人民政府']);
    // the city has no higher committee on the platform
    const higher = await staff.post(`/api/opinions/${a}/forward`, { targets: [{ kind: 'higher' }] });
    expect(higher).toMatchObject({ status: 400, body: { error: 'opinion.no_parent' } });
    const draftIssue = (await staff.post('/api/opinions/issues', {})).body;
    expect((await staff.post(`/api/opinions/issues/${draftIssue.id}/issue`, {})).status).toBe(400);
    expect(
      (await staff.post(`/api/opinions/issues/${draftIssue.id}/forward`, { targets: [{ kind: 'party' }] })).status,
    ).toBe(409);
  });

  it('does not forward reports that were not accepted', async () => {
    const id = await submit(member);
    const res = await staff.post(`/api/opinions/${id}/forward`, { targets: [{ kind: 'government' }] });
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('当前状态为「待筛选」，采编留用后才能报送');
  });
});

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
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: {
        cookie: staff.cookie,
        'x-csrf-token': staff.csrf,
        'content-type': 'multipart/form-data; boundary=XYZ',
      },
      payload: Buffer.concat([
        Buffer.from(
          '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="pishi.pdf"\r\nContent-Type: application/pdf\r\n\r\n',
        ),
        pdf,
        Buffer.from('\r\n--XYZ--\r\n'),
      ]),
    });
    expect(up.statusCode).toBe(200);
    const fileId = up.json().id;
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
    const actions = await query<{ action: string }>(
      db(),
      sql`select distinct action from audit_log where entity in ('opinion_report', 'opinion_issue', 'opinion_referral') order by action`,
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'opinion.create',
        'opinion.submit',
        'opinion.accept',
        'opinion.decline',
        'opinion.return',
        'opinion.resubmit',
        'opinion.edit',
        'opinion.compile',
        'opinion.uncompile',
        'opinion.forward',
        'opinion.adopt',
        'opinion.instruct',
        'opinion.adoption.delete',
        'opinion.issue.create',
        'opinion.issue.issue',
        'opinionReferral.refer',
        'opinionReferral.respond',
        'opinionReferral.approve',
        'opinionReferral.reject',
      ]),
    );
  });
});
