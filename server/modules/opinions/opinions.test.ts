// Opinion reports inside one committee, from writing to the bulletin: submitting (limits, roles), screening, and
// compiling accepted reports into numbered issues with the Word bulletin. Later steps: opinions-followup.test.ts.

import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryOne } from '../../platform/db/client.ts';
import { login } from '../../test/harness.ts';
import {
  accepted,
  admin,
  db,
  informant,
  leader,
  member,
  member2,
  notices,
  openOpinionsApp,
  org,
  screen,
  special,
  staff,
  submit,
  t,
  today,
  unit,
  year,
} from './opinions-fixture.ts';
import { DEFAULT_OPINION_SETTINGS } from './rules.ts';
import { auditedOpinionActions, count, docxText, ELEVATOR, SCHOOL } from './test-helpers.ts';

openOpinionsApp();

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
    await admin.put('/api/opinions/settings', DEFAULT_OPINION_SETTINGS);
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

describe('audit', () => {
  it('audits every change in the same transaction', async () => {
    // The steps after the bulletin are checked in opinions-followup.test.ts.
    expect(await auditedOpinionActions(db())).toEqual(
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
        'opinion.issue.create',
        'opinion.issue.issue',
      ]),
    );
  });
});
