// The yearly plan through the routes: topic collection (who may suggest, until when), alike suggestions, answers the
// suggester sees, drafting items (consultation and supervision), the approval steps as data, revisions with versions,
// and the Excel and Word files. Every transition allowed and forbidden.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/context.ts';
import { queryOne } from '../../platform/db/client.ts';
import { putSetting } from '../../platform/settings/settings.ts';
import { sharedFixture } from '../../test/fixtures.ts';
import { okBody, testAppForFile } from '../../test/harness.ts';
import { docxText } from '../opinions/test-helpers.ts';
import { addItem, FAR, ITEM, openPlan, planAction } from './test-helpers.ts';

const t = testAppForFile({
  office: 'office_staff',
  leader: 'leader',
  member: 'member010',
  member2: 'member011',
  org: 'org01',
  unit: 'unit01',
  county: 'county_office_staff',
});

const ELDER = {
  title: '关于推进社区居家养老服务体系建设的协商议题',
  reason: '我市老龄化加深，社区养老服务供给不足，助餐助浴覆盖面有限，建议开展专题协商。',
  suggestedKind: 'thematic',
  leadBody: '社会和法制委员会',
};
const ELDER2 = {
  title: '关于完善社区居家养老服务的议题建议',
  reason: '社区养老服务设施不足，居家养老助餐服务覆盖面有限，建议列入年度协商计划。',
};
const RIVER = {
  title: '关于加强河道生态治理的议题',
  reason: '城区河道水质波动，黑臭水体反弹风险仍在，建议开展对口协商。',
  suggestedKind: 'counterpart',
};

/** The 2031 consultation plan's topic collection (made once per file: a year has one per kind): its id. */
const collection = sharedFixture(() => openPlan(t.office, 2031));

/** The member's, the organisation's and the unit's suggestions to `collection` (made once): the plan id and responses. */
const suggestions = sharedFixture(async () => {
  const planId = await collection();
  const member = await t.member.post(`/api/consultations/plans/${planId}/topics`, ELDER);
  const org = await t.org.post(`/api/consultations/plans/${planId}/topics`, ELDER2);
  const unit = await t.unit.post(`/api/consultations/plans/${planId}/topics`, RIVER);
  return { planId, member, org, unit };
});

/** `suggestions`' plan id and the ids of its three topics, each response checked to be 200. */
async function suggested() {
  const { planId, member, org, unit } = await suggestions();
  return { planId, ids: { member: okBody(member).id, org: okBody(org).id, unit: okBody(unit).id } };
}

describe('topic collection', () => {
  it('the office opens a collection once a year per kind; others may not', async () => {
    const planId = await collection();
    expect(
      (
        await t.office.post('/api/consultations/plans', {
          year: 2031,
          kind: 'consultation',
          title: '重复',
          collectUntil: FAR,
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await t.member.post('/api/consultations/plans', {
          year: 2032,
          kind: 'consultation',
          title: 'x',
          collectUntil: FAR,
        })
      ).status,
    ).toBe(403);
    const list = await okBody(await t.member.get('/api/consultations/plans?year=2031'));
    expect(list.items.map((p: any) => p.stateLabel)).toEqual(['起草中']);
    expect((await t.county.get(`/api/consultations/plans/${planId}`)).status).toBe(404);
  });

  it('members, organisations and units suggest topics; who suggested is derived from the account', async () => {
    const { planId, ids } = await suggested();
    expect((await t.leader.post(`/api/consultations/plans/${planId}/topics`, RIVER)).status).toBe(403);
    const bad = await t.member2.post(`/api/consultations/plans/${planId}/topics`, {
      ...RIVER,
      suggestedKind: 'nonsense',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('suggestedKind');
    const all = await okBody(await t.office.get(`/api/consultations/topics?planId=${planId}`));
    expect(all.total).toBe(3);
    const org1 = all.items.find((x: any) => x.id === ids.org);
    expect(org1.suggesterTypeLabel).toMatch(/民主党派|人民团体/);
    const mine = await okBody(await t.member.get(`/api/consultations/topics?planId=${planId}`));
    expect(mine.items.map((x: any) => x.id)).toEqual([ids.member]);
    expect((await t.member.get(`/api/consultations/topics/${ids.org}`)).status).toBe(404);
    const todos = await okBody(await t.office.get('/api/todos'));
    expect(JSON.stringify(todos)).toContain('待答复的协商议题建议');
  });

  it('alike suggestions are found by their text', async () => {
    const { ids } = await suggested();
    const sim = await okBody(await t.office.get(`/api/consultations/topics/${ids.org}/similar`));
    expect(sim.items[0].id).toBe(ids.member);
    expect(sim.items.map((x: any) => x.id)).not.toContain(ids.unit);
  });

  it('the office answers each suggestion: taken into an item, merged, not taken with a reason', async () => {
    const { planId, ids } = await suggested();
    const itemId = await addItem(t.office, planId, { topic: '推进社区居家养老服务体系建设' });
    expect((await t.member.post(`/api/consultations/topics/${ids.member}/answer`, { action: 'take' })).status).toBe(
      403,
    );
    await okBody(
      await t.office.post(`/api/consultations/topics/${ids.member}/answer`, { action: 'take', planItemId: itemId }),
    );
    expect((await t.office.post(`/api/consultations/topics/${ids.org}/answer`, { action: 'merge' })).status).toBe(400);
    expect(
      (await t.office.post(`/api/consultations/topics/${ids.org}/answer`, { action: 'merge', mergedIntoId: ids.org }))
        .status,
    ).toBe(400);
    await okBody(
      await t.office.post(`/api/consultations/topics/${ids.org}/answer`, { action: 'merge', mergedIntoId: ids.member }),
    );
    const noReason = await t.office.post(`/api/consultations/topics/${ids.unit}/answer`, { action: 'decline' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('理由');
    await okBody(
      await t.office.post(`/api/consultations/topics/${ids.unit}/answer`, {
        action: 'decline',
        comment: '已列入明年民主监督计划统筹考虑',
      }),
    );
    const again = await t.office.post(`/api/consultations/topics/${ids.unit}/answer`, { action: 'take' });
    expect(again.status).toBe(409);
    const seen = (await okBody(await t.member.get(`/api/consultations/topics?planId=${planId}`))).items[0];
    expect(seen.stateLabel).toBe('已列入计划');
    expect(seen.answer).toContain('推进社区居家养老服务体系建设');
    const u = (await okBody(await t.unit.get('/api/consultations/topics?mine=true'))).items[0];
    expect([u.stateLabel, u.answer]).toEqual(['未列入计划', '已列入明年民主监督计划统筹考虑']);
    const o = await okBody(await t.org.get(`/api/consultations/topics/${ids.org}`));
    expect(o.stateLabel).toBe('已合并');
    expect(o.timeline.map((x: any) => x.label)).toEqual(['提出议题建议', '合并']);
  });

  it('a closed collection takes no more suggestions', async () => {
    const closed = await openPlan(t.office, 2020, 'consultation', '2020-03-01');
    const res = await t.member.post(`/api/consultations/plans/${closed}/topics`, RIVER);
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('议题征集已截止');
  });
});

/** The 2033 plan with two items, a consultation and a standing committee one (made once per file): its id. */
const drafted = sharedFixture(async () => {
  const planId = await openPlan(t.office, 2033);
  await addItem(t.office, planId);
  await addItem(t.office, planId, { topic: '加快发展县域经济', kind: 'standingThematic', plannedMonth: 9 });
  return planId;
});

const planOf = async (planId: number) => okBody(await t.office.get(`/api/consultations/plans/${planId}`));

/** `drafted`, submitted and approved by the chair's meeting and the Party committee unless it already is: its id. */
async function publishedPlan(): Promise<number> {
  const planId = await drafted();
  if ((await planOf(planId)).state !== 'published') {
    await okBody(await planAction(t.office, planId, 'submit'));
    await okBody(await planAction(t.leader, planId, 'approve'));
    await okBody(
      await planAction(t.office, planId, 'approve', { date: '2033-02-10', documentNumber: '示委办〔2033〕3号' }),
    );
  }
  return planId;
}

/** Revises published plan `planId` (调整) with a third item, 优化营商环境, and submits it again. */
async function reviseAndResubmit(planId: number): Promise<void> {
  await okBody(await planAction(t.office, planId, 'revise', { comment: '根据党委要求增加一项对口协商' }));
  await addItem(t.office, planId, {
    topic: '优化营商环境',
    kind: 'counterpart',
    counterpartBody: '市发展和改革委员会',
  });
  await okBody(await planAction(t.office, planId, 'submit'));
}

/** `publishedPlan`, revised with a third item (优化营商环境) and approved again unless it already is: its id. */
async function revisedPlan(): Promise<number> {
  const planId = await publishedPlan();
  if ((await planOf(planId)).version === 1) {
    await reviseAndResubmit(planId);
    await okBody(await planAction(t.leader, planId, 'approve'));
    await okBody(
      await planAction(t.leader, planId, 'approve', { date: '2033-07-01', documentNumber: '示委办〔2033〕21号' }),
    );
  }
  return planId;
}

describe('drafting and approval', () => {
  it('items name their kind from the committee list; supervision items need the supervised body and form', async () => {
    const planId = await drafted();
    expect(
      (await t.office.post(`/api/consultations/plans/${planId}/items`, { ...ITEM, kind: 'party' })).body.error,
    ).toBe('consultation.kind');
    const sup = await t.office.post(`/api/consultations/plans/${planId}/items`, { ...ITEM, kind: 'inspection' });
    expect([sup.status, sup.body.field]).toEqual([400, 'supervisedBody']);
    expect((await t.member.post(`/api/consultations/plans/${planId}/items`, ITEM)).status).toBe(403);
  });

  it('an empty plan cannot go to review; a member cannot move it', async () => {
    const planId = await drafted();
    const empty = await openPlan(t.office, 2034);
    const res = await planAction(t.office, empty, 'submit');
    expect([res.status, res.body.message]).toEqual([403, '计划中还没有项目，不能提交审议']);
    expect((await planAction(t.member, planId, 'submit')).status).toBe(403);
  });

  it('goes through 主席会议审议 and 党委批准 (date and document number) to published', async () => {
    const planId = await drafted();
    await okBody(await planAction(t.office, planId, 'submit'));
    let p = await okBody(await t.office.get(`/api/consultations/plans/${planId}`));
    expect([p.stateLabel, p.currentStep.label]).toEqual(['待主席会议审议', '主席会议审议']);
    expect((await t.member.get(`/api/consultations/plans/${planId}`)).body.items).toEqual([]);
    const itemId = p.items[0].id;
    expect((await t.office.put(`/api/consultations/plan-items/${itemId}`, ITEM)).status).toBe(409);
    expect((await planAction(t.unit, planId, 'approve')).status).toBe(403);
    await okBody(await planAction(t.leader, planId, 'approve'));
    p = await okBody(await t.office.get(`/api/consultations/plans/${planId}`));
    expect(p.stateLabel).toBe('待党委批准');
    const noDoc = await planAction(t.office, planId, 'approve', { date: '2033-02-10' });
    expect([noDoc.status, noDoc.body.field]).toEqual([400, 'documentNumber']);
    expect((await t.office.get(`/api/consultations/plans/${planId}`)).body.stateLabel).toBe('待党委批准');
    await okBody(
      await planAction(t.office, planId, 'approve', { date: '2033-02-10', documentNumber: '示委办〔2033〕3号' }),
    );
    p = await okBody(await t.member.get(`/api/consultations/plans/${planId}`));
    expect([p.state, p.documentNumber, p.approvedOn, p.items.length]).toEqual([
      'published',
      '示委办〔2033〕3号',
      '2033-02-10',
      2,
    ]);
    expect(p.versions.map((v: any) => [v.version, v.items])).toEqual([[1, 2]]);
    expect((await planAction(t.office, planId, 'approve')).status).toBe(409);
  });

  it('a revision (调整) goes through the same steps and keeps the earlier version', async () => {
    const planId = await publishedPlan();
    expect((await planAction(t.office, planId, 'revise')).status).toBe(400);
    await reviseAndResubmit(planId);
    const ret = await planAction(t.leader, planId, 'return');
    expect(ret.status).toBe(400);
    await okBody(await planAction(t.leader, planId, 'return', { comment: '请补充牵头领导' }));
    await okBody(await planAction(t.office, planId, 'submit'));
    await okBody(await planAction(t.leader, planId, 'approve'));
    await okBody(
      await planAction(t.leader, planId, 'approve', { date: '2033-07-01', documentNumber: '示委办〔2033〕21号' }),
    );
    const p = await okBody(await t.office.get(`/api/consultations/plans/${planId}`));
    expect(p.version).toBe(2);
    expect(p.versions.map((v: any) => [v.version, v.documentNumber, v.items])).toEqual([
      [1, '示委办〔2033〕3号', 2],
      [2, '示委办〔2033〕21号', 3],
    ]);
    expect(p.timeline.map((x: any) => x.action)).toEqual([
      'create',
      'submit',
      'approve',
      'approve',
      'revise',
      'submit',
      'return',
      'submit',
      'approve',
      'approve',
    ]);
    const audit = await queryOne<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where entity = 'consultation_plan' and entity_id = ${String(planId)}`,
    );
    expect(audit!.n).toBeGreaterThanOrEqual(13);
  });

  it('exports the items to Excel and the plan to Word with its document number', async () => {
    const planId = await revisedPlan();
    const x = await t.office.get(`/api/consultations/plans/${planId}/items.xlsx`);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw as any);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toContain('议题');
    expect(ws.getRow(2).getCell(2).value).toBe(ITEM.topic);
    expect(ws.rowCount).toBe(4);
    const w = await t.office.get(`/api/consultations/plans/${planId}/plan.docx`);
    const text = docxText(w.raw as any);
    expect(text).toContain('示委办〔2033〕21号');
    expect(text).toContain('2033年协商工作计划（调整后第2版）');
    expect(text).toContain('优化营商环境');
  });

  it('the approval steps are a committee setting', async () => {
    await putSetting(t.database.db, systemActor(1), 'consultation.settings', 2035, {
      approvalSteps: [{ key: 'partyApproval', label: '党委批准', recordsDocument: true }],
    });
    const id = await openPlan(t.office, 2035);
    await addItem(t.office, id);
    await okBody(await planAction(t.office, id, 'submit'));
    expect((await t.office.get(`/api/consultations/plans/${id}`)).body.stateLabel).toBe('待党委批准');
    await okBody(await planAction(t.leader, id, 'approve', { date: '2035-01-20', documentNumber: '示委〔2035〕1号' }));
    expect((await t.office.get(`/api/consultations/plans/${id}`)).body.state).toBe('published');
  });
});
