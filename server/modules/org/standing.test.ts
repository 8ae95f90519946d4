// People who have left: members set to 已退出 or 暂停履职 (and informants who left) are refused every change they
// would make as a member — filing, co-signing, reports, meetings, activities, speeches, the duty self-report — with a
// Chinese message and nothing written; set back to 在职 they work again.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { type Client, testAppForFile } from '../../test/harness.ts';
import { ELEVATOR } from '../opinions/test-helpers.ts';
import { detail, TEXT, tryTransition } from '../proposals/test-helpers.ts';

const t = testAppForFile({
  admin: 'admin',
  office: 'office_staff',
  liaison: 'liaison_staff',
  m10: 'member010',
  m11: 'member011',
  m12: 'member012',
  m13: 'member013',
  m14: 'member014',
  informant: 'informant01',
});
let db: Db;

beforeAll(async () => {
  db = t.database.db;
});

/** member011's joint proposal inviting member012 to co-sign. */
const joint = () => ({
  title: '关于完善社区嵌入式托育服务的建议',
  ...TEXT,
  category: '社会建设',
  kind: 'joint',
  cosignerIds: [t.m12.me.account.memberId],
});

const n = async (table: string, where = sql`true`) =>
  (await queryOne<{ n: number }>(db, sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`))!.n;

async function setStatus(c: Client, status: string) {
  const res = await t.admin.post(`/api/org/members/${c.me.account.memberId}/status`, {
    status,
    date: '2026-11-30',
    reason: status === 'active' ? undefined : '工作调动',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** setStatus unless the member already has that status (each test states the statuses it needs). */
async function withStatus(c: Client, status: string) {
  const cur = await queryOne<{ status: string }>(
    db,
    sql`select status from members where id = ${c.me.account.memberId}`,
  );
  if (cur!.status !== status) await setStatus(c, status);
}

/** member011's joint proposal inviting member012 to co-sign, submitted while she was active; then she left: its id. */
async function invitedBeforeLeaving(): Promise<number> {
  await withStatus(t.m12, 'active');
  const res = await t.m11.post('/api/proposals', joint());
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect((await tryTransition(t.m11, res.body.id, 'submit')).status).toBe(200);
  await withStatus(t.m12, 'exited');
  return res.body.id;
}

/** A research activity under way with open registration, created by the office: the raw response. */
const openResearch = () =>
  t.office.post('/api/activities', {
    kind: 'research',
    title: '托育服务专题调研',
    startsAt: new Date(Date.now() - 3600_000).toISOString(),
    endsAt: new Date(Date.now() + 3600_000).toISOString(),
    place: '高新区',
    registration: 'open',
  });

const LEFT = { status: 403, body: { error: 'member.exited', message: expect.stringContaining('已退出') } };
const SUSPENDED = { status: 403, body: { error: 'member.suspended', message: expect.stringContaining('暂停') } };

describe('a member who has left files nothing and confirms nothing', () => {
  it('member012 was invited to co-sign before she left', async () => {
    const res = await t.m11.post('/api/proposals', joint());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const jointId = res.body.id;
    expect((await tryTransition(t.m11, jointId, 'submit')).status).toBe(200);
    await setStatus(t.m10, 'exited');
    await setStatus(t.m12, 'exited');
  });

  it('member010 (left) filing a proposal is refused: no proposal, no duty points', async () => {
    await withStatus(t.m10, 'exited');
    const proposals = await n('proposals');
    const facts = await n('duty_facts', sql`member_id = ${t.m10.me.account.memberId}`);
    const res = await t.m10.post('/api/proposals', {
      title: '关于加强老旧小区改造的建议',
      ...TEXT,
      category: '社会建设',
      submit: true,
    });
    expect(res).toMatchObject(LEFT);
    expect(await n('proposals')).toBe(proposals);
    expect(await n('duty_facts', sql`member_id = ${t.m10.me.account.memberId}`)).toBe(facts);
  });

  it('member012 (left) confirming the earlier invitation is refused and stays unconfirmed', async () => {
    const jointId = await invitedBeforeLeaving();
    expect(await tryTransition(t.m12, jointId, 'cosignConfirm')).toMatchObject(LEFT);
    const d = await detail(t.m11, jointId);
    const me = d.proposers.find((p: any) => p.memberId === t.m12.me.account.memberId);
    expect(me.cosignStatus).not.toBe('confirmed');
    expect(d.state).toBe('cosigning');
  });

  it('a member who left can still sign in and read her own record', async () => {
    const jointId = await invitedBeforeLeaving();
    expect((await t.m12.get(`/api/proposals/${jointId}`)).status).toBe(200);
    expect((await t.m12.get('/api/duty/me')).status).not.toBe(403);
  });
});

describe('the same refusal in every module, for left and suspended members and informants', () => {
  it('meetings: replying, asking for leave, checking in and submitting a speech are refused', async () => {
    await withStatus(t.m10, 'exited');
    await withStatus(t.m13, 'active');
    const ids = [t.m13, t.m14].map((c) => c.me.account.memberId);
    const created = await t.office.post('/api/meetings', {
      kind: 'plenary',
      title: '六届一次全体会议第三次大会',
      startsAt: new Date(Date.now() - 1800_000).toISOString(),
      endsAt: new Date(Date.now() + 9000_000).toISOString(),
      halfDays: 1,
      place: '市政协大礼堂',
      invite: { rule: 'members', memberIds: ids },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const meetingId = created.body.id;
    await setStatus(t.m13, 'suspended');
    expect(await t.m10.post(`/api/meetings/${meetingId}/reply`, { reply: 'leave', reason: '出差' })).toMatchObject(
      LEFT,
    );
    expect(await t.m13.post(`/api/meetings/${meetingId}/reply`, { reply: 'attend' })).toMatchObject(SUSPENDED);
    const { token } = (await t.office.get(`/api/meetings/${meetingId}/checkin-code`)).body;
    expect(await t.m13.post('/api/meetings/checkin', { token })).toMatchObject(SUSPENDED);
    expect(
      await t.m10.post('/api/speeches', { meetingId, mode: 'written', title: '关于养老的发言', body: '发言内容' }),
    ).toMatchObject(LEFT);
    expect(await n('duty_facts', sql`source_type = 'meeting' and source_id = ${meetingId}`)).toBe(0);
    expect(await n('speeches', sql`meeting_id = ${meetingId}`)).toBe(0);
    expect(
      await n('meeting_invitees', sql`meeting_id = ${meetingId} and (reply <> 'pending' or checked_in_at is not null)`),
    ).toBe(0);
  });

  it('activities: signing up and submitting an output are refused', async () => {
    await withStatus(t.m10, 'exited');
    await withStatus(t.m13, 'suspended');
    const created = await openResearch();
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const activityId = created.body.id;
    expect(await t.m10.post(`/api/activities/${activityId}/register`)).toMatchObject(LEFT);
    expect(await t.m13.post(`/api/activities/${activityId}/register`)).toMatchObject(SUSPENDED);
    expect(
      await t.m10.post(`/api/activities/${activityId}/outputs`, { kind: 'report', title: '调研报告' }),
    ).toMatchObject(LEFT);
    // An active member signs up as before.
    expect((await t.m14.post(`/api/activities/${activityId}/register`)).status).toBe(200);
  });

  it('opinion reports and the duty self-report are refused; an informant who left is refused too', async () => {
    await withStatus(t.m10, 'exited');
    await withStatus(t.m13, 'suspended');
    const reports = await n('opinion_reports');
    expect(await t.m10.post('/api/opinions', { ...ELEVATOR, submit: true })).toMatchObject(LEFT);
    expect(await t.m13.post('/api/opinions', { ...ELEVATOR, submit: false })).toMatchObject(SUSPENDED);
    expect(await t.m10.put('/api/duty/my-report', { year: 2026, body: '本年度履职情况', submit: true })).toMatchObject(
      LEFT,
    );
    const inf = await queryOne<{ informant_id: number }>(
      db,
      sql`select informant_id from accounts where id = ${t.informant.me.account.id}`,
    );
    await db.execute(sql`update informants set status = 'exited' where id = ${inf!.informant_id}`);
    expect(await t.informant.post('/api/opinions', { ...ELEVATOR, submit: true })).toMatchObject(LEFT);
    expect(await n('opinion_reports')).toBe(reports);
    // Staff keep working: the liaison office is not a member.
    expect((await t.liaison.get('/api/opinions')).status).toBe(200);
  });

  it('set back to 在职, the member works again', async () => {
    const activityId = (await openResearch()).body.id;
    await withStatus(t.m13, 'suspended');
    await setStatus(t.m13, 'active');
    expect((await t.m13.post(`/api/activities/${activityId}/register`)).status).toBe(200);
  });
});
