import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { query } from '../../platform/db/client.ts';
import { testAppForFile } from '../../test/harness.ts';

const t = testAppForFile({
  office: 'office_staff',
  m1: 'member040',
  m2: 'member041',
  county: 'county_office_staff',
});
const db = () => t.database.db;

const liveFacts = (sourceType: string, sourceId: number) =>
  query<{ member_id: number; kind: string; detail: any }>(
    db(),
    sql`select member_id, kind, detail from duty_facts where source_type = ${sourceType} and source_id = ${sourceId} and revoked_at is null order by member_id, kind`,
  );

async function newActivity(extra: Record<string, unknown> = {}) {
  const res = await t.office.post('/api/activities', {
    kind: 'research',
    title: '营商环境专题调研',
    startsAt: new Date(Date.now() - 3600_000).toISOString(),
    endsAt: new Date(Date.now() + 3600_000).toISOString(),
    place: '高新区',
    registration: 'invite',
    invite: { rule: 'members', memberIds: [t.m1.me.account.memberId] },
    ...extra,
  });
  expect(res.status).toBe(200);
  return res.body.id as number;
}

describe('activities', () => {
  it('staff check-in gives an activity.<kind> fact; undoing it revokes the fact', async () => {
    const id = await newActivity();
    const mid = t.m1.me.account.memberId;
    expect((await t.office.post(`/api/activities/${id}/attendance/${mid}`, { present: true })).status).toBe(200);
    expect(await liveFacts('activity', id)).toEqual([
      { member_id: mid, kind: 'activity.research', detail: { title: '营商环境专题调研', activityKind: 'research' } },
    ]);
    await t.office.post(`/api/activities/${id}/attendance/${mid}`, { present: false });
    expect(await liveFacts('activity', id)).toEqual([]);
    // Not in the list → 404, not a fact.
    expect(
      (await t.office.post(`/api/activities/${id}/attendance/${t.m2.me.account.memberId}`, { present: true })).status,
    ).toBe(404);
  });

  it('invite-only activities are hidden from members not invited and refuse self-registration', async () => {
    const id = await newActivity();
    expect((await t.m2.get(`/api/activities/${id}`)).status).toBe(404);
    expect((await t.m2.get('/api/activities')).body.items.map((a: any) => a.id)).not.toContain(id);
    expect((await t.m1.get(`/api/activities/${id}`)).body.mine.source).toBe('invited');
  });

  it('open activities take self-registration (with a capacity) and QR walk-ins', async () => {
    const id = await newActivity({
      kind: 'goodDeed',
      title: '为群众办实事：义诊',
      registration: 'open',
      capacity: 1,
      invite: undefined,
    });
    expect((await t.m1.post(`/api/activities/${id}/register`)).status).toBe(200);
    const full = await t.m2.post(`/api/activities/${id}/register`);
    expect(full.status).toBe(409);
    expect(full.body.message).toBe('报名人数已满');
    const code = await t.office.get(`/api/activities/${id}/checkin-code`);
    const scan = await t.m2.post('/api/meetings/checkin', { token: code.body.token });
    expect(scan.status).toBe(200);
    expect(scan.body).toMatchObject({ target: 'activity', id, already: false });
    expect((await liveFacts('activity', id)).map((f) => [f.member_id, f.kind])).toEqual([
      [t.m2.me.account.memberId, 'activity.goodDeed'],
    ]);
    expect((await t.m2.post(`/api/activities/${id}/unregister`)).status).toBe(409);
  });

  it('QR check-in keeps the committee window: not before an hour ahead, not after the end', async () => {
    const day = 24 * 3600_000;
    const early = await newActivity({
      startsAt: new Date(Date.now() + 10 * day).toISOString(),
      endsAt: new Date(Date.now() + 10 * day + 3600_000).toISOString(),
    });
    const code = await t.office.get(`/api/activities/${early}/checkin-code`);
    const refused = await t.m1.post('/api/meetings/checkin', { token: code.body.token });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/^签到尚未开始：活动于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 开始/);
    expect(await liveFacts('activity', early)).toEqual([]);
    const past = await newActivity({
      startsAt: new Date(Date.now() - 5 * 3600_000).toISOString(),
      endsAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
    });
    const closed = await t.m1.post('/api/meetings/checkin', {
      token: (await t.office.get(`/api/activities/${past}/checkin-code`)).body.token,
    });
    expect(closed.status).toBe(409);
    expect(closed.body.message).toMatch(/^签到已结束：活动已于 .+ 结束$/);
  });

  it('outputs confirmed by staff become activity.output facts; revoking takes them back', async () => {
    const id = await newActivity();
    const notIn = await t.m2.post(`/api/activities/${id}/outputs`, { kind: 'report', title: '报告', body: '内容' });
    expect(notIn.status).toBe(404);
    const empty = await t.m1.post(`/api/activities/${id}/outputs`, { kind: 'report', title: '调研报告' });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toBe('请填写「成果内容」或上传佐证材料');
    const out = await t.m1.post(`/api/activities/${id}/outputs`, {
      kind: 'report',
      title: '关于优化营商环境的调研报告',
      body: '一、基本情况……',
    });
    expect(out.status).toBe(200);
    expect((await t.m1.post(`/api/activities/outputs/${out.body.id}/review`, { action: 'confirm' })).status).toBe(403);
    expect((await t.county.post(`/api/activities/outputs/${out.body.id}/review`, { action: 'confirm' })).status).toBe(
      404,
    );
    expect((await t.office.post(`/api/activities/outputs/${out.body.id}/review`, { action: 'confirm' })).status).toBe(
      200,
    );
    expect(await liveFacts('activityOutput', out.body.id)).toEqual([
      {
        member_id: t.m1.me.account.memberId,
        kind: 'activity.output',
        detail: { title: '关于优化营商环境的调研报告', outputKind: 'report', activityKind: 'research', activityId: id },
      },
    ]);
    const mine = await t.m1.get('/api/activities/outputs');
    expect(mine.body.items[0]).toMatchObject({ id: out.body.id, statusLabel: '已确认' });
    await t.office.post(`/api/activities/outputs/${out.body.id}/review`, { action: 'revoke' });
    expect(await liveFacts('activityOutput', out.body.id)).toEqual([]);
  });

  it('cancelling revokes its facts; another committee cannot see or change it; bad input is a 400', async () => {
    const id = await newActivity();
    await t.office.post(`/api/activities/${id}/attendance/${t.m1.me.account.memberId}`, { present: true });
    const out = await t.m1.post(`/api/activities/${id}/outputs`, {
      kind: 'report',
      title: '调研报告',
      body: '报告正文',
    });
    await t.office.post(`/api/activities/outputs/${out.body.id}/review`, { action: 'confirm' });
    expect(await liveFacts('activityOutput', out.body.id)).toHaveLength(1);
    expect((await t.county.get(`/api/activities/${id}`)).status).toBe(404);
    expect((await t.county.post(`/api/activities/${id}/cancel`)).status).toBe(404);
    expect((await t.office.post(`/api/activities/${id}/cancel`)).status).toBe(200);
    const again = await t.office.post(`/api/activities/${id}/reopen`);
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('当前状态为「已取消」，不能执行「重新开放」');
    expect(await liveFacts('activity', id)).toEqual([]);
    expect(await liveFacts('activityOutput', out.body.id)).toEqual([]);
    const bad = await t.office.post('/api/activities', {
      kind: 'teaParty',
      title: 'x',
      startsAt: new Date().toISOString(),
      endsAt: new Date().toISOString(),
      place: 'x',
      registration: 'open',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('「活动类型」不是允许的取值');
    const xlsx = await t.office.get(`/api/activities/${id}/participants/export`);
    expect(xlsx.raw.subarray(0, 2).toString()).toBe('PK');
  });
});
