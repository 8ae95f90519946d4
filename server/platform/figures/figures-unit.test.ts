// A handling unit's home figures (GET /api/figures/unit): its proposals of the year, replied, on time, overdue and the
// proposers' ratings, its 随手拍 and its consultation outcomes — hand-counted from a small year built through the
// routes; the unit is the session's, never the request's; the offices' dashboards show only their roles' groups.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { assigned, replyAndApprove, transition } from '../../modules/proposals/test-helpers.ts';
import { type Client, login, testAppForFile } from '../../test/harness.ts';
import { beijingToday } from '../dates.ts';

const t = testAppForFile({
  staff: 'proposal_staff',
  office: 'office_staff',
  m1: 'member060',
  m2: 'member061',
  unit: 'unit07',
  other: 'unit08',
});
const year = Number(beijingToday().slice(0, 4));
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

const values = (body: any) => Object.fromEntries(body.items.map((i: any) => [i.id, i.value]));

async function snapshotAnswered() {
  const up = await t.m1.upload('/api/supervision/uploads', '现场.png', png);
  const filed = await t.m1.post('/api/supervision/reports', {
    text: '幸福路口井盖破损，夜间行人容易踩空',
    place: '东城街道幸福路口',
    fileIds: [up.body.id],
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(200);
  const reportAction = (c: Client, action: string, extra: Record<string, unknown> = {}) =>
    c.post(`/api/supervision/reports/${filed.body.id}/actions`, { action, ...extra });
  expect((await reportAction(t.office, 'accept')).status).toBe(200);
  expect((await reportAction(t.office, 'dispatch', { unitId: t.unit.me.account.unitId })).status).toBe(200);
  const photo = await t.unit.upload('/api/supervision/uploads', '整改.png', png);
  const answered = await reportAction(t.unit, 'answer', { comment: '已更换井盖', fileIds: [photo.body.id] });
  expect(answered.status, JSON.stringify(answered.body)).toBe(200);
}

describe('the handling unit’s figures', () => {
  it('counts the unit’s own work of the year by hand, each number a link to the unit’s list', async () => {
    const before = await t.unit.get(`/api/figures/unit?year=${year}`);
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(Object.values(values(before.body)).every((v) => v === 0)).toBe(true);

    const u = t.unit.me.account.unitId as number;
    // Three proposals to the unit: one answered and rated 满意, one answered and rated 基本满意, one still open and
    // past its deadline (a 不满意 would send the proposal back to the unit for another round, not count as a rating). One to another unit (not counted).
    const a = await assigned(t.m1, t.staff, u);
    await replyAndApprove(t.unit, t.staff, a, 'A');
    await transition(t.m1, a, 'rate', { rating: 'satisfied' });
    const b = await assigned(t.m2, t.staff, u);
    await replyAndApprove(t.unit, t.staff, b, 'B');
    await transition(t.m2, b, 'rate', { rating: 'partlySatisfied' });
    const c = await assigned(t.m1, t.staff, u);
    // Arranged: the open proposal's deadline has passed (a deadline is months after assignment).
    await t.database.db.execute(
      sql`update proposal_assignments set due_at = now() - interval '1 day' where proposal_id = ${c} and unit_id = ${u}`,
    );
    await assigned(t.m2, t.staff, t.other.me.account.unitId as number);
    await snapshotAnswered();

    const res = await t.unit.get(`/api/figures/unit?year=${year}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.unit).toEqual({ id: u, name: expect.any(String) });
    expect(values(res.body)).toMatchObject({
      'proposals.unit.assigned': 3,
      'proposals.unit.replied': 2,
      'proposals.unit.onTime': 2,
      'proposals.unit.overdue': 1,
      'proposals.unit.satisfied': 1,
      'proposals.unit.partlySatisfied': 1,
      'proposals.unit.unsatisfied': 0,
      'supervision.unit.dispatched': 1,
      'supervision.unit.answered': 1,
      'supervision.unit.answeredOnTime': 1,
      'outcomes.unit.handed': 0,
      'outcomes.unit.fedBack': 0,
    });
    const byId = Object.fromEntries(res.body.items.map((i: any) => [i.id, i]));
    expect(byId['proposals.unit.assigned'].link).toBe(`/proposals/inbox?year=${year}`);
    expect(byId['proposals.unit.replied'].link).toBe(`/proposals/inbox?year=${year}&assignmentState=done`);
    expect(byId['proposals.unit.overdue'].link).toBe('/proposals/inbox?queue=overdue');
    expect(byId['supervision.unit.dispatched'].link).toBe('/supervision/unit');
    expect(byId['outcomes.unit.handed'].link).toBe('/consultations/outcomes/unit');
    expect(res.body.overdue).toContainEqual({ name: '提案办理超期', count: 1, link: '/proposals/inbox?queue=overdue' });
    // The list behind 「超期未答复」 holds that proposal, as the unit sees it.
    const list = await t.unit.get('/api/proposals?scope=unit&queue=overdue');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.items.map((i: any) => i.id)).toEqual([c]);
    // Last year's numbers are there to compare with (none).
    expect(byId['proposals.unit.assigned']).toMatchObject({ lastYear: 0, change: 3 });

    // Another unit sees its own figures: one assigned, nothing else.
    const theirs = values((await t.other.get(`/api/figures/unit?year=${year}`)).body);
    expect([theirs['proposals.unit.assigned'], theirs['supervision.unit.dispatched']]).toEqual([1, 0]);
  });

  it('is the session’s unit only: other roles are refused, and a unit has no committee dashboard', async () => {
    expect((await t.staff.get(`/api/figures/unit?year=${year}`)).status).toBe(403);
    expect((await t.m1.get(`/api/figures/unit?year=${year}`)).status).toBe(403);
    expect((await t.unit.get('/api/figures/dashboard')).status).toBe(403);
    // The request cannot name another unit: a unit id in the query is dropped, the figures stay the session's.
    const named = await t.unit.get(`/api/figures/unit?year=${year}&unitId=${t.other.me.account.unitId}`);
    expect(named.body.unit.id).toBe(t.unit.me.account.unitId);
  });
});

describe('the offices’ dashboards', () => {
  it('show each office its role’s groups with overdue, and the leader every group', async () => {
    const modules = async (name: string) => {
      const res = await (await login(t.app, name)).get('/api/figures/dashboard');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return new Set(res.body.items.map((i: any) => i.module));
    };
    const proposals = await modules('proposal_staff');
    expect(proposals.has('proposals') && !proposals.has('opinions') && !proposals.has('meetings')).toBe(true);
    const liaison = await modules('liaison_staff');
    expect(liaison.has('opinions') && !liaison.has('proposals')).toBe(true);
    const officeModules = await modules('office_staff');
    expect(officeModules.has('meetings') && officeModules.has('supervision') && !officeModules.has('proposals')).toBe(
      true,
    );
    const special = await modules('special_staff');
    expect(special.has('consultations') && !special.has('opinions')).toBe(true);
  });
});
