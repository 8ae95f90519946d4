// 随手拍 through the routes: a member files one with a photo; staff accept and dispatch it the day before 国庆 (the
// deadline skips the holiday and counts the make-up Saturday); the unit answers with a photo; the member disputes, the
// unit answers again and the member confirms; reminders and overdue notices from the engine's jobs; decline and merge
// with the reason the member sees; who sees what; bad input changes nothing; figures and timeliness.
import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setTestClock } from '../../platform/dates.ts';
import { query, queryOne } from '../../platform/db/client.ts';
import { runDueJobs } from '../../platform/jobs/jobs.ts';
import { type Client, login, okBody, testAppForFile } from '../../test/harness.ts';

const t = testAppForFile({
  office: 'office_staff',
  m1: 'member090',
  m2: 'member091',
  unit1: 'unit01',
  unit2: 'unit02',
  county: 'county_office_staff',
});
let unit1Id: number;

beforeAll(async () => {
  unit1Id = t.unit1.me.account.unitId as number;
});
afterEach(() => setTestClock(null));

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

const UPLOADS = '/api/supervision/uploads';
/** Uploads a photo as `c` and returns its file id (the upload must succeed). */
async function photoId(c: Client, name = '现场.png', content = png): Promise<number> {
  return (await okBody(await c.upload(UPLOADS, name, content))).id;
}
/** POSTs `action` (with `extra` fields) to a snapshot report; the raw response. */
const reportAction = (c: Client, id: number, action: string, extra: Record<string, unknown> = {}) =>
  c.post(`/api/supervision/reports/${id}/actions`, { action, ...extra });
const count = async () =>
  (await queryOne<{ n: number }>(t.database.db, sql`select count(*)::int as n from snapshot_reports`))!.n;
const todo = async (c: Client, key: string) =>
  ((await okBody(await c.get('/api/todos'))).items as any[]).find((x) => x.key === key)?.count ?? 0;
const titles = async (c: Client) =>
  ((await okBody(await c.get('/api/notifications?pageSize=100'))).items as { title: string }[]).map((n) => n.title);

async function file(c: Client, text: string, extra: Record<string, unknown> = {}) {
  return (
    await okBody(
      await c.post('/api/supervision/reports', {
        text,
        place: '东城街道幸福路口',
        fileIds: [await photoId(c)],
        ...extra,
      }),
    )
  ).id as number;
}

describe('随手拍', () => {
  it('runs from filing to confirmation with a deadline in working days across 国庆', async () => {
    setTestClock('2026-09-29T10:00:00+08:00');
    const id = await file(t.m1, '幸福路口井盖破损，夜间行人容易踩空，存在安全隐患', {
      urgent: true,
      latitude: 39.9,
      longitude: 116.4,
    });
    expect(await todo(t.office, 'snapshotsFiled')).toBeGreaterThanOrEqual(1);
    expect((await reportAction(t.m1, id, 'accept')).status).toBe(403);
    expect(await okBody(await reportAction(t.office, id, 'accept'))).toEqual({ state: 'accepted' });
    const noUnit = await reportAction(t.office, id, 'dispatch');
    expect([noUnit.status, noUnit.body.message, noUnit.body.field]).toEqual([400, '请选择承办单位', 'unitId']);
    await okBody(await reportAction(t.office, id, 'dispatch', { unitId: unit1Id }));
    // 5 working days from Tuesday 29 September: 30 Sep, (1–7 Oct holiday), 8, 9, Saturday 10 (make-up day), Monday 12.
    const item = await okBody(await t.m1.get(`/api/supervision/reports/${id}`));
    expect([item.stateLabel, item.unitName, item.dueOn, item.files.length]).toEqual([
      '办理中',
      '市发展和改革委员会',
      '2026-10-12',
      1,
    ]);
    expect(await todo(t.unit1, 'snapshotsToAnswer')).toBe(1);

    // The engine's jobs: a reminder the day before, an overdue notice after the deadline to the unit and staff.
    await runDueJobs(t.database.db, { now: new Date('2026-10-11T12:00:00+08:00') });
    expect((await titles(t.unit1)).some((x) => x.startsWith('随手拍答复即将到期（2026-10-12）'))).toBe(true);
    setTestClock('2026-10-13T09:00:00+08:00');
    await runDueJobs(t.database.db, { now: new Date('2026-10-13T09:00:00+08:00') });
    expect((await titles(t.office)).some((x) => x.startsWith('随手拍答复已超期（期限 2026-10-12）'))).toBe(true);
    const overdue = await okBody(await t.office.get('/api/supervision/reports?overdue=true'));
    expect(overdue.items.map((x: any) => [x.id, x.overdue])).toEqual([[id, true]]);
    expect(await todo(t.office, 'snapshotsOverdue')).toBe(1);

    // The unit answers late with text and a photo; the member disputes; the unit answers again; the member confirms.
    const noPhoto = await reportAction(t.unit1, id, 'answer', { comment: '已更换井盖' });
    expect([noPhoto.status, noPhoto.body.message]).toEqual([400, '请上传办理结果的照片']);
    await okBody(
      await reportAction(t.unit1, id, 'answer', {
        comment: '已更换井盖',
        fileIds: [await photoId(t.unit1, '结果.png')],
      }),
    );
    expect(await todo(t.m1, 'snapshotsToConfirm')).toBe(1);
    expect((await reportAction(t.m1, id, 'dispute')).body.message).toBe('请填写「有异议」的理由或意见');
    await okBody(await reportAction(t.m1, id, 'dispute', { comment: '新井盖仍然松动' }));
    const flagged = await okBody(await t.office.get('/api/supervision/reports?disputed=true'));
    expect(flagged.items.map((x: any) => [x.id, x.disputeReason])).toEqual([[id, '新井盖仍然松动']]);
    expect(await todo(t.unit1, 'snapshotsToAnswer')).toBe(1);
    await okBody(
      await reportAction(t.unit1, id, 'answer', { comment: '已加固', fileIds: [await photoId(t.unit1, '加固.png')] }),
    );
    expect((await reportAction(t.m2, id, 'confirm')).status).toBe(404);
    expect(await okBody(await reportAction(t.m1, id, 'confirm'))).toEqual({ state: 'closed' });

    const done = await okBody(await t.m1.get(`/api/supervision/reports/${id}`));
    expect([done.stateLabel, done.answer, done.answeredOnTime, done.answerFiles.length]).toEqual([
      '已办结',
      '已加固',
      false,
      2,
    ]);
    expect(done.history.map((h: any) => h.label)).toEqual(['受理', '交办', '答复', '有异议', '答复', '满意，已解决']);
    const fact = await query(
      t.database.db,
      sql`select kind from duty_facts where source_type = 'snapshot_report' and source_id = ${id} and revoked_at is null`,
    );
    expect(fact).toEqual([{ kind: 'supervision.accepted' }]);
    const audit = await query<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where entity = 'snapshot_report' and entity_id = ${String(id)} order by seq`,
    );
    expect(audit.map((a) => a.action)).toContain('snapshot-report.file');
  });

  it('counts a normal item 15 working days and an on-time answer in figures and timeliness', async () => {
    setTestClock('2026-09-29T10:00:00+08:00');
    const id = await file(t.m2, '东城公园路灯连续一周不亮');
    await okBody(await reportAction(t.office, id, 'accept'));
    await okBody(await reportAction(t.office, id, 'dispatch', { unitId: unit1Id }));
    expect((await okBody(await t.m2.get(`/api/supervision/reports/${id}`))).dueOn).toBe('2026-10-26');
    setTestClock('2026-10-20T10:00:00+08:00');
    await okBody(
      await reportAction(t.unit1, id, 'answer', { comment: '已修复路灯', fileIds: [await photoId(t.unit1)] }),
    );
    const { items } = await okBody(await t.office.get('/api/supervision/timeliness?year=2026'));
    const mine = items.find((x: any) => x.unitId === unit1Id);
    expect([mine.dispatched, mine.answered, mine.answeredOnTime, mine.rate]).toEqual([2, 2, 1, 0.5]);
    const fig = await okBody(
      await t.office.get(
        '/api/figures?period=2026&ids=supervision.dispatched,supervision.answeredOnTime,supervision.timeliness',
      ),
    );
    expect(fig.items.map((x: any) => [x.id, x.value])).toEqual([
      ['supervision.dispatched', 2],
      ['supervision.answeredOnTime', 1],
      ['supervision.timeliness', 50],
    ]);
    // The appraisal of units (民主评议) shows the same count beside the proposal figures.
    const staff = await login(t.app, 'proposal_staff');
    const appraisal = await okBody(await staff.get('/api/proposals/appraisals?year=2026'));
    expect(appraisal.items.find((x: any) => x.unitId === unit1Id).snapshots).toMatchObject({
      dispatched: 2,
      answeredOnTime: 1,
      rate: 0.5,
    });
  });

  it('declines with a reason the member sees and merges alike items', async () => {
    const a = await file(t.m1, '幸福路口井盖破损夜间容易踩空');
    const b = await file(t.m2, '幸福路口的井盖破损，晚上行人容易踩空');
    const similar = await okBody(await t.office.get(`/api/supervision/reports/${b}/similar`));
    expect(similar.items.map((x: any) => x.id)).toContain(a);
    expect(similar.items.map((x: any) => x.id)).not.toContain(b);
    await okBody(await reportAction(t.office, b, 'merge', { intoId: a }));
    expect((await okBody(await t.m2.get(`/api/supervision/reports/${b}`))).mergedInto).toBe(a);
    const c = await file(t.m1, '小区内邻里纠纷');
    await okBody(await reportAction(t.office, c, 'decline', { comment: '属于民事纠纷，请通过调解渠道反映' }));
    const seen = await okBody(await t.m1.get(`/api/supervision/reports/${c}`));
    expect([seen.stateLabel, seen.declineReason]).toEqual(['不予受理', '属于民事纠纷，请通过调解渠道反映']);
  });

  it('shows each unit and member only their own items; another committee nothing', async () => {
    const id = await file(t.m1, '东城菜市场门口占道经营');
    await okBody(await reportAction(t.office, id, 'accept'));
    await okBody(await reportAction(t.office, id, 'dispatch', { unitId: unit1Id }));
    expect((await t.unit2.get(`/api/supervision/reports/${id}`)).status).toBe(404);
    expect((await reportAction(t.unit2, id, 'answer', { comment: 'x', fileIds: [] })).status).toBe(404);
    expect(
      (await okBody(await t.unit2.get('/api/supervision/reports/unit'))).items.map((x: any) => x.id),
    ).not.toContain(id);
    expect((await okBody(await t.unit1.get('/api/supervision/reports/unit'))).items.map((x: any) => x.id)).toContain(
      id,
    );
    expect((await t.m2.get(`/api/supervision/reports/${id}`)).status).toBe(404);
    const m2ids = (await okBody(await t.m2.get('/api/supervision/reports/mine'))).items.map((x: any) => x.memberId);
    expect(new Set(m2ids)).toEqual(new Set([t.m2.me.account.memberId]));
    expect((await t.county.get(`/api/supervision/reports/${id}`)).status).toBe(404);
    expect((await okBody(await t.county.get('/api/supervision/reports'))).total).toBe(0);
    expect((await t.m1.get('/api/supervision/reports')).status).toBe(403);
    expect((await t.unit1.post('/api/supervision/reports', { text: 'x', place: 'y', fileIds: [] })).status).toBe(403);
  });

  it('refuses bad input with a Chinese message naming the field and changes nothing', async () => {
    const before = await count();
    const photo = await photoId(t.m1);
    const cases: [Record<string, unknown>, string][] = [
      [{ text: '', place: '路口', fileIds: [photo] }, 'text'],
      [{ text: 'x'.repeat(1001), place: '路口', fileIds: [photo] }, 'text'],
      [{ text: '井盖', place: '', fileIds: [photo] }, 'place'],
      [{ text: '井盖', place: '路口', fileIds: [] }, 'fileIds'],
      [{ text: '井盖', place: '路口', fileIds: [photo], urgent: 'yes' }, 'urgent'],
      [{ text: '井盖', place: '路口', fileIds: [photo], latitude: 91, longitude: 1 }, 'latitude'],
    ];
    for (const [body, field] of cases) {
      const res = await t.m1.post('/api/supervision/reports', body);
      expect([res.status, res.body.field], JSON.stringify(res.body)).toEqual([400, field]);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const long = await t.m1.post('/api/supervision/reports', {
      text: 'x'.repeat(1001),
      place: '路口',
      fileIds: [photo],
    });
    expect(long.body.message).toContain('问题描述');
    const other = await photoId(t.m2);
    const notMine = await t.m1.post('/api/supervision/reports', { text: '井盖', place: '路口', fileIds: [other] });
    expect([notMine.status, notMine.body.field]).toEqual([400, 'fileIds']);
    expect(await count()).toBe(before);
    const bad = await t.m1.upload(UPLOADS, '说明.pdf', Buffer.from('%PDF-1.4'));
    expect([bad.status, bad.body.message]).toEqual([400, '不支持的文件类型「pdf」，仅支持 jpg、png、mp4、webm']);
  });
});
