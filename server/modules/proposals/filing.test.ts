// Filing and review: individual, joint (co-sign confirm/decline) and collective (organisation approval) proposals,
// drafts, withdraw, return for revision, pre-review, register with numbering, reject with a ground, merge and convert.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { login, testAppForFile } from '../../test/harness.ts';
import { listConvertedProposals, refreshProposalSearch } from './service.ts';
import { detail, registered, TEXT, transition, tryTransition, write } from './test-helpers.ts';

const t = testAppForFile({
  staff: 'proposal_staff',
  m1: 'member001',
  m2: 'member002',
  m3: 'member003',
  m4: 'member004',
  org1: 'org01',
  org2: 'org02',
  unit1: 'unit01',
  countyStaff: 'county_proposal_staff',
  leader: 'leader',
});
let db: Db;

beforeAll(async () => {
  db = t.database.db;
});

const stateOf = async (id: number) =>
  (await queryOne<{ state: string }>(db, sql`select state from proposals where id = ${id}`))!.state;
const facts = (id: number) =>
  query<{ member_id: number; kind: string; role: string; revoked: boolean }>(
    db,
    sql`select member_id, kind, role, revoked_at is not null as revoked from duty_facts
      where source_type = 'proposal' and source_id = ${id} order by kind, member_id`,
  );

describe('writing and submitting an individual proposal', () => {
  it('refuses a bad draft with a Chinese message naming the field and writes nothing', async () => {
    const before = (await queryOne<{ n: number }>(db, sql`select count(*)::int as n from proposals`))!.n;
    const long = await t.m1.post('/api/proposals', { title: '关'.repeat(51), ...TEXT, category: '社会建设' });
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ field: 'title', message: '「案由」不能超过 50 个字符' });
    const cat = await t.m1.post('/api/proposals', { title: '关于养老的建议', category: '体育' });
    expect(cat.status).toBe(400);
    expect(cat.body.field).toBe('category');
    const missing = await t.m1.post('/api/proposals', { background: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe('「案由」为必填项');
    const unit = await t.m1.post('/api/proposals', { title: '关于养老的建议', suggestedUnitIds: [999999] });
    expect(unit.status).toBe(400);
    expect(unit.body.field).toBe('suggestedUnitIds');
    expect((await queryOne<{ n: number }>(db, sql`select count(*)::int as n from proposals`))!.n).toBe(before);
  });

  it('keeps an unfinished draft, refuses to submit it until complete, then submits it to the office', async () => {
    const res = await t.m1.post('/api/proposals', { title: '关于改善老旧小区加装电梯的建议' });
    expect(res.body).toMatchObject({ state: 'draft', stateLabel: '草稿' });
    const id = res.body.id;
    const d = await detail(t.m1, id);
    expect(d.actions.map((a: any) => a.action)).toEqual(['submit']);
    expect(d.can).toMatchObject({ edit: true, delete: true });
    // Staff and other members do not see a draft.
    expect((await t.staff.get(`/api/proposals/${id}`)).status).toBe(404);
    expect((await t.m2.get(`/api/proposals/${id}`)).status).toBe(404);

    const early = await tryTransition(t.m1, id, 'submit');
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ field: 'background', message: '「案据」不能为空' });
    expect(await stateOf(id)).toBe('draft');

    const put = await t.m1.put(`/api/proposals/${id}`, { ...TEXT, category: '社会建设', submit: true });
    expect(put.status).toBe(200);
    expect(put.body.state).toBe('submitted');
    const after = await detail(t.staff, id);
    expect(after.stateLabel).toBe('待预审');
    expect(after.isSessionProposal).toBe(false);
    expect(after.sessionName).toBe('六届一次会议');
    expect(after.timeline.map((e: any) => e.label)).toEqual(['提交']);
    expect(await facts(id)).toEqual([
      { member_id: t.m1.me.account.memberId, kind: 'proposal.filed', role: 'self', revoked: false },
    ]);
    const note = await queryOne<{ title: string }>(
      db,
      sql`select title from notifications where account_id = ${t.staff.me.account.id} order by id desc limit 1`,
    );
    expect(note!.title).toBe('新提案待预审：关于改善老旧小区加装电梯的建议');
    // Once submitted it can no longer be edited or deleted.
    expect((await t.m1.put(`/api/proposals/${id}`, { title: '改' })).status).toBe(409);
    expect((await t.m1.del(`/api/proposals/${id}`)).status).toBe(409);
  });

  it('deletes a draft only for its author', async () => {
    const id = await write(t.m1, { title: '关于草稿删除的建议' });
    expect((await t.m2.del(`/api/proposals/${id}`)).status).toBe(404);
    expect((await t.m1.del(`/api/proposals/${id}`)).status).toBe(200);
    expect(await queryOne(db, sql`select 1 from proposals where id = ${id}`)).toBeUndefined();
  });

  it('lets only the author withdraw before registration, and revokes the duty fact', async () => {
    const id = await write(t.m1, { submit: true });
    expect((await tryTransition(t.m2, id, 'withdraw')).status).toBe(404);
    expect((await tryTransition(t.staff, id, 'withdraw')).status).toBe(403);
    expect(await transition(t.m1, id, 'withdraw', { comment: '重复提交' })).toBe('withdrawn');
    expect((await facts(id)).every((f) => f.revoked)).toBe(true);

    const reg = await registered(t.m1, t.staff);
    const late = await tryTransition(t.m1, reg, 'withdraw');
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('当前状态为「已立案待交办」，不能执行「撤案」');
  });
});

describe('review by the proposal office', () => {
  it('returns a proposal for revision with a required reason; the author revises and resubmits', async () => {
    const id = await write(t.m1, { submit: true });
    const noReason = await tryTransition(t.staff, id, 'returnForRevision');
    expect(noReason.status).toBe(400);
    expect(noReason.body.error).toBe('workflow.comment_required');
    expect(await transition(t.staff, id, 'returnForRevision', { comment: '请补充具体数据' })).toBe('returned');
    const d = await detail(t.m1, id);
    expect(d.timeline.at(-1)).toMatchObject({ label: '退回修改', comment: '请补充具体数据', actorName: '提案委 周敏' });
    expect(d.can.edit).toBe(true);
    expect(
      (await t.m1.put(`/api/proposals/${id}`, { background: `${TEXT.background}据统计缺口约3000张床位。` })).status,
    ).toBe(200);
    expect(await transition(t.m1, id, 'submit')).toBe('submitted');
  });

  it('registers with numbers per term and session, and forbids it to others and in the wrong state', async () => {
    const a = await write(t.m1, { submit: true });
    const b = await write(t.m2, { submit: true, title: '关于规范校外培训机构管理的建议', category: '社会建设' });
    expect((await tryTransition(t.staff, a, 'register')).status).toBe(409); // still needs pre-review
    expect((await tryTransition(t.m1, a, 'preApprove')).status).toBe(403);
    expect((await tryTransition(t.leader, a, 'preApprove')).status).toBe(403);
    expect((await tryTransition(t.countyStaff, a, 'preApprove')).status).toBe(404);
    await transition(t.staff, a, 'preApprove');
    await transition(t.staff, b, 'preApprove');
    expect(await transition(t.staff, a, 'register')).toBe('registered');
    await transition(t.staff, b, 'register');
    const da = await detail(t.m1, a);
    const db2 = await detail(t.m2, b);
    expect(db2.number).toBe(da.number + 1);
    expect(da.numberLabel).toMatch(/^六届一次会议第\d{4}号$/);
    expect(db2.numberLabel).toBe(`六届一次会议第${String(da.number + 1).padStart(4, '0')}号`);
    expect((await facts(a)).map((f) => f.kind)).toEqual(['proposal.filed', 'proposal.registered']);
  });

  it('rejects only with one of the published grounds, and tells the proposer which and why', async () => {
    const id = await write(t.m1, { submit: true, title: '关于推荐本人著作进入中小学书目的建议' });
    await transition(t.staff, id, 'preApprove');
    const noGround = await tryTransition(t.staff, id, 'reject', { comment: '不属于提案范围' });
    expect(noGround.status).toBe(400);
    expect(noGround.body.field).toBe('ground');
    const badGround = await tryTransition(t.staff, id, 'reject', { comment: '不属于提案范围', ground: '我不喜欢' });
    expect(badGround.status).toBe(400);
    expect(await stateOf(id)).toBe('reviewing');
    expect(await transition(t.staff, id, 'reject', { ground: '宣传推介作品、产品', comment: '属于推介个人作品' })).toBe(
      'rejected',
    );
    const d = await detail(t.m1, id);
    expect(d).toMatchObject({ state: 'rejected', stateLabel: '不予立案', rejectGround: '宣传推介作品、产品' });
    const note = await queryOne<{ title: string; body: string }>(
      db,
      sql`select title, body from notifications where account_id = ${t.m1.me.account.id} order by id desc limit 1`,
    );
    expect(note).toEqual({
      title: '提案不予立案：关于推荐本人著作进入中小学书目的建议',
      body: '理由：宣传推介作品、产品。属于推介个人作品',
    });
  });

  it('merges a proposal into another, keeping both and answering every author', async () => {
    const main = await registered(t.m1, t.staff, { title: '关于加强城区停车设施建设的建议' });
    const other = await write(t.m3, { submit: true, title: '关于缓解城区停车难的建议' });
    await transition(t.staff, other, 'preApprove');
    const self = await tryTransition(t.staff, other, 'merge', { intoId: other });
    expect(self.status).toBe(400);
    expect(self.body.field).toBe('intoId');
    const missing = await tryTransition(t.staff, other, 'merge', { intoId: 2147483000 });
    expect(missing.status).toBe(400);
    expect(await transition(t.staff, other, 'merge', { intoId: main })).toBe('merged');
    const d = await detail(t.staff, main);
    expect(d.mergedFrom).toEqual([
      { id: other, title: '关于缓解城区停车难的建议', proposers: t.m3.me.account.displayName },
    ]);
    const o = await detail(t.m3, other);
    expect(o.mergedInto).toMatchObject({ id: main, title: '关于加强城区停车设施建设的建议' });
    // The merged proposal's author can follow the main proposal and is among its raters.
    const seen = await detail(t.m3, main);
    expect(seen.raters.map((r: any) => r.memberId).sort()).toEqual(
      [t.m1.me.account.memberId, t.m3.me.account.memberId].sort(),
    );
    // A rejected or merged proposal cannot take another in.
    const third = await write(t.m4, { submit: true, title: '关于停车的建议' });
    await transition(t.staff, third, 'preApprove');
    expect((await tryTransition(t.staff, third, 'merge', { intoId: other })).status).toBe(400);
  });

  it('converts a proposal to an opinion report and lists it for the opinion module', async () => {
    const id = await write(t.m2, { submit: true, title: '关于社区团购食品安全的建议' });
    await transition(t.staff, id, 'preApprove');
    expect((await tryTransition(t.staff, id, 'convert', { target: 'poem' })).status).toBe(400);
    expect(await transition(t.staff, id, 'convert', { target: 'opinion', comment: '反映情况，转社情民意信息' })).toBe(
      'converted',
    );
    const list = await listConvertedProposals(db, t.staff.me.committee.id, { target: 'opinion' });
    expect(list.find((x) => x.id === id)).toMatchObject({
      title: '关于社区团购食品安全的建议',
      target: 'opinion',
      memberIds: [t.m2.me.account.memberId],
    });
    const d = await detail(t.m2, id);
    expect(d.convertedTo).toBe('opinion');
    // It is in the liaison office's screening queue, with the proposer as its member, and the proposer can open it.
    expect(d.convertedOpinionId).toEqual(expect.any(Number));
    const liaison = await login(t.app, 'liaison_staff');
    const report = await liaison.get(`/api/opinions/${d.convertedOpinionId}`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      title: '关于社区团购食品安全的建议',
      source: 'proposal',
      state: 'submitted',
      submitterName: t.m2.me.account.displayName,
    });
    expect(report.body.body).toContain(TEXT.background.slice(0, 10));
    expect((await t.m2.get(`/api/opinions/${d.convertedOpinionId}`)).status).toBe(200);
    // A proposal converted to a suggestion makes no report.
    const other = await write(t.m3, { submit: true, title: '关于公园增设座椅的建议' });
    await transition(t.staff, other, 'preApprove');
    await transition(t.staff, other, 'convert', { target: 'suggestion' });
    expect((await detail(t.m3, other)).convertedOpinionId).toBeNull();
  });
});

describe('joint proposals', () => {
  it('waits for every invited co-signer; confirmations and declines show on the proposal', async () => {
    const self = await t.m1.post('/api/proposals', {
      title: '关于联名的建议',
      kind: 'joint',
      cosignerIds: [t.m1.me.account.memberId],
    });
    expect(self.status).toBe(400);
    expect(self.body.field).toBe('cosignerIds');
    const id = await write(t.m1, {
      kind: 'joint',
      title: '关于加快农村公路提档升级的建议',
      category: '经济建设',
      cosignerIds: [t.m2.me.account.memberId, t.m3.me.account.memberId],
    });
    // Written with the search vector refreshProposalSearch gives it (proposers' names included).
    const search = async () =>
      (await queryOne<{ s: string }>(db, sql`select search::text as s from proposals where id = ${id}`))!.s;
    const written = await search();
    await db.transaction((tx) => refreshProposalSearch(tx, t.m1.me.committee.id, id));
    expect(written).toBe(await search());
    const m2Name = (await queryOne<{ name: string }>(
      db,
      sql`select name from members where id = ${t.m2.me.account.memberId}`,
    ))!;
    expect(written).toContain(`'${m2Name.name.slice(0, 2)}'`);
    // Invited co-signers do not see the draft yet.
    expect((await t.m2.get(`/api/proposals/${id}`)).status).toBe(404);
    expect(await transition(t.m1, id, 'submit')).toBe('cosigning');
    const d = await detail(t.m2, id);
    expect(d.actions.map((a: any) => a.action)).toEqual(['cosignConfirm', 'cosignDecline']);
    expect((await tryTransition(t.m4, id, 'cosignConfirm')).status).toBe(404);
    expect((await tryTransition(t.m1, id, 'cosignConfirm')).status).toBe(403);
    expect(await transition(t.m2, id, 'cosignConfirm')).toBe('cosigning');
    expect((await tryTransition(t.m2, id, 'cosignConfirm')).status).toBe(403);
    expect(await transition(t.m3, id, 'cosignDecline')).toBe('submitted');
    const after = await detail(t.staff, id);
    expect(after.kind).toBe('joint');
    expect(after.proposers.map((p: any) => [p.name, p.isLead, p.cosignStatus])).toEqual([
      [t.m1.me.account.displayName, true, 'confirmed'],
      [t.m2.me.account.displayName, false, 'confirmed'],
      [t.m3.me.account.displayName, false, 'declined'],
    ]);
    expect((await facts(id)).map((f) => [f.member_id, f.role])).toEqual([
      [t.m1.me.account.memberId, 'lead'],
      [t.m2.me.account.memberId, 'cosigner'],
    ]);
  });

  it('becomes an individual proposal when every co-signer declines', async () => {
    const id = await write(t.m1, {
      kind: 'joint',
      submit: true,
      title: '关于完善公共自行车系统的建议',
      cosignerIds: [t.m4.me.account.memberId],
    });
    expect(await transition(t.m4, id, 'cosignDecline')).toBe('submitted');
    expect((await detail(t.m1, id)).kind).toBe('individual');
  });

  it('refuses a joint proposal without co-signers', async () => {
    const id = await write(t.m1, { kind: 'joint', title: '关于没有附议人的建议' });
    const res = await tryTransition(t.m1, id, 'submit');
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('cosignerIds');
  });
});

describe('collective proposals', () => {
  it('are filed by an organisation and approved by its responsible person before reaching the office', async () => {
    const asMember = await t.m1.post('/api/proposals', { title: '关于集体的建议', kind: 'collective' });
    expect(asMember.status).toBe(400);
    const clerk = await login(t.app, 'org01_staff');
    const id = await write(clerk, { title: '关于支持民营企业参与城市更新的建议', category: '经济建设', submit: true });
    expect(await stateOf(id)).toBe('orgApproval');
    // The responsible person is asked; the clerk who filed it is not.
    const asked = await query<{ username: string }>(
      db,
      sql`select a.username from notifications n join accounts a on a.id = n.account_id
        where n.link = ${`/proposals/${id}`} order by a.username`,
    );
    expect(asked.map((r) => r.username)).toEqual(['org01']);
    const d = await detail(t.org1, id);
    expect(d.kind).toBe('collective');
    expect(d.org.name).toBe('民革示例市委员会');
    expect(d.actions.map((a: any) => a.action)).toEqual(['orgApprove', 'orgSendBack', 'withdraw']);
    expect((await detail(clerk, id)).actions.map((a: any) => a.action)).toEqual(['withdraw']);
    const byClerk = await tryTransition(clerk, id, 'orgApprove');
    expect(byClerk.status).toBe(403);
    expect(await stateOf(id)).toBe('orgApproval');
    expect((await t.staff.get(`/api/proposals/${id}`)).status).toBe(404);
    expect((await tryTransition(t.org2, id, 'orgApprove')).status).toBe(404);
    expect(await transition(t.org1, id, 'orgSendBack', { comment: '请补充调研数据' })).toBe('draft');
    expect(await transition(clerk, id, 'submit')).toBe('orgApproval');
    expect(await transition(t.org1, id, 'orgApprove')).toBe('submitted');
    expect((await detail(t.staff, id)).timeline.map((e: any) => e.label)).toEqual([
      '提交',
      '负责人退回',
      '提交',
      '负责人审批同意',
    ]);
  });
});

describe('who sees what', () => {
  it('hides proposals from units not assigned, other members and other committees', async () => {
    const id = await write(t.m1, { submit: true });
    expect((await t.unit1.get(`/api/proposals/${id}`)).status).toBe(404);
    expect((await t.m4.get(`/api/proposals/${id}`)).status).toBe(404);
    expect((await t.countyStaff.get(`/api/proposals/${id}`)).status).toBe(404);
    expect((await t.leader.get(`/api/proposals/${id}`)).status).toBe(200);
    const county = await t.countyStaff.get('/api/proposals?pageSize=100');
    expect(county.body.items.find((x: any) => x.id === id)).toBeUndefined();
  });
});
