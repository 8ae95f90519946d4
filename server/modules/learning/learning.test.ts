// Learning through the routes: plans with themes, a member's progress through a material to finished (fact once), training classes whose sessions are
// meetings and whose held sessions credit the members checked in, reflections submitted / returned / accepted (fact)
// / revoked, the completion view by member, sector and special committee with Excel, and tenancy.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setTestClock } from '../../platform/dates.ts';
import { queryOne } from '../../platform/db/client.ts';
import { login, okBody, testAppForFile } from '../../test/harness.ts';
import { liveFactMemberIds, memberIdsOf } from '../../test/queries.ts';
import { mp4, pdf } from './test-helpers.ts';

const t = testAppForFile({
  office: 'office_staff',
  member: 'member020',
  member2: 'member021',
  leader: 'leader',
  county: 'county_office_staff',
});
let m1: number;
let m2: number;

beforeAll(async () => {
  [m1, m2] = await memberIdsOf(t.database.db, ['member020', 'member021']);
});

const db = () => t.database.db;
const facts = (kind: string, sourceType: string, sourceId: number) =>
  liveFactMemberIds(db(), kind, sourceType, sourceId);

async function publishedVideo(title = '学习习近平新时代中国特色社会主义思想专题讲座') {
  const up = await t.office.upload('/api/learning/uploads?kind=video', '专题讲座.mp4', mp4(4096));
  expect(up.status, JSON.stringify(up.body)).toBe(200);
  const { id } = await okBody(
    await t.office.post('/api/learning/materials', { title, kind: 'video', fileId: up.body.id, durationSeconds: 1800 }),
  );
  await okBody(await t.office.post(`/api/learning/materials/${id}/actions`, { action: 'publish' }));
  return id as number;
}

describe('study plans', () => {
  it('keeps one plan a year with themes by term; a member reads it but cannot write one', async () => {
    const plan = {
      year: 2026,
      title: '2026年度委员学习计划',
      themes: [
        { term: '春季学期', title: '学习贯彻全国两会精神' },
        { term: '秋季学期', title: '人民政协理论与履职能力' },
      ],
    };
    const { id } = await okBody(await t.office.post('/api/learning/plans', plan));
    expect((await t.office.post('/api/learning/plans', plan)).status).toBe(409);
    expect((await t.member.post('/api/learning/plans', { ...plan, year: 2027 })).status).toBe(403);
    const list = await okBody(await t.member.get('/api/learning/plans'));
    expect(list.find((p: any) => p.id === id).themes.map((x: any) => x.title)).toEqual([
      '学习贯彻全国两会精神',
      '人民政协理论与履职能力',
    ]);
    expect(await okBody(await t.county.get('/api/learning/plans'))).toEqual([]);
  });
});

describe('progress', () => {
  it('keeps the furthest position of a video, finishes it at 95 % of its length and records the fact once', async () => {
    const id = await publishedVideo();
    const start = new Date('2026-05-10T02:00:00Z');
    const at = (s: number) => setTestClock(new Date(start.getTime() + s * 1000));
    const put = (body: object) => t.member.put(`/api/learning/materials/${id}/progress`, body);
    try {
      at(0);
      const p1 = await okBody(await put({ positionSeconds: 15.2, durationSeconds: 1800.4 }));
      expect(p1).toEqual({ percent: 0, positionSeconds: 15, durationSeconds: 1800, finishedAt: null });
      // a single "done" tap, a percent, or a position past the end changes nothing
      const tap = await put({ percent: 100 });
      expect(tap.status).toBe(400);
      expect(tap.body).toMatchObject({ error: 'learning.position_required', field: 'positionSeconds' });
      const beyond = await put({ positionSeconds: 1900, durationSeconds: 1800 });
      expect(beyond.status).toBe(400);
      expect(beyond.body.message).toBe('「播放位置」不能超过「时长」');
      expect((await put({ positionSeconds: -1, durationSeconds: 1800 })).status).toBe(400);
      expect((await put({ positionSeconds: 10, durationSeconds: 0 })).status).toBe(400);
      expect((await put({ positionSeconds: 10, durationSeconds: 90000 })).status).toBe(400);
      // dragging the slider to the end 15 s later credits what could have been played, not the jump
      at(15);
      const dragged = await okBody(await put({ positionSeconds: 1790, durationSeconds: 1800 }));
      expect(dragged.positionSeconds).toBe(50);
      expect(dragged.finishedAt).toBeNull();
      // watching on: each report 15 s of playing later
      let s = 15;
      let pos = 50;
      while (pos < 1650) {
        s += 15;
        pos += 15;
        at(s);
        await okBody(await put({ positionSeconds: pos, durationSeconds: 1800 }));
      }
      // going back (re-watching a part) keeps the furthest position
      at(s + 15);
      const back = await okBody(await put({ positionSeconds: 180, durationSeconds: 1800 }));
      expect(back).toMatchObject({ positionSeconds: pos, finishedAt: null });
      expect(await facts('learning.materialFinished', 'learning_material', id)).toEqual([]);
      // 94 % is not finished, 95 % is
      at(s + 2000);
      const p94 = await okBody(await put({ positionSeconds: 1692, durationSeconds: 1800 }));
      expect(p94.percent).toBe(94);
      expect(p94.finishedAt).toBeNull();
      const reopened = await okBody(await t.member.get(`/api/learning/materials/${id}`));
      expect(reopened).toMatchObject({ myPositionSeconds: p94.positionSeconds, myDurationSeconds: 1800 });
      at(s + 2030);
      const done = await okBody(await put({ positionSeconds: 1710, durationSeconds: 1800 }));
      expect(done).toMatchObject({ percent: 95, positionSeconds: 1710 });
      expect(done.finishedAt).not.toBeNull();
      // watched to the end: 1755 after 45 s at most, then the end
      at(s + 2100);
      expect((await okBody(await put({ positionSeconds: 1800, durationSeconds: 1800 }))).positionSeconds).toBe(1755);
      at(s + 2130);
      await okBody(await put({ positionSeconds: 1800, durationSeconds: 1800 }));
    } finally {
      setTestClock(null);
    }
    expect(await facts('learning.materialFinished', 'learning_material', id)).toEqual([m1]);
    const audits = await queryOne<{ n: number }>(
      db(),
      sql`select count(*)::int as n from audit_log where action = 'learning.material.finish' and entity_id = ${String(id)}`,
    );
    expect(audits!.n).toBe(1);
    const stored = await queryOne<any>(
      db(),
      sql`select percent, position_seconds, duration_seconds from learning_progress where material_id = ${id} and member_id = ${m1}`,
    );
    expect(stored).toEqual({ percent: 100, position_seconds: 1800, duration_seconds: 1800 });
    const seen = await okBody(await t.member.get(`/api/learning/materials/${id}`));
    expect(seen).toMatchObject({ myPercent: 100, kindLabel: '视频', stateLabel: '已发布', finishedCount: 1 });
    expect(seen.actions).toEqual([]);
    // staff have no member record to progress; another committee sees nothing
    expect(
      (await t.office.put(`/api/learning/materials/${id}/progress`, { positionSeconds: 5, durationSeconds: 10 }))
        .status,
    ).toBe(403);
    expect((await t.county.get(`/api/learning/materials/${id}`)).status).toBe(404);
  });

  it("finishes a document when the member marks it learnt, at the committee's mark", async () => {
    const up = (await t.office.upload('/api/learning/uploads?kind=pdf', '章程.pdf', pdf)).body;
    const { id } = await okBody(
      await t.office.post('/api/learning/materials', { title: '政协章程', kind: 'pdf', fileId: up.id }),
    );
    await okBody(await t.office.post(`/api/learning/materials/${id}/actions`, { action: 'publish' }));
    const put = (body: object) => t.member.put(`/api/learning/materials/${id}/progress`, body);
    expect((await put({})).body).toMatchObject({ error: 'learning.percent_required' });
    expect(await okBody(await put({ percent: 40 }))).toMatchObject({ percent: 40, finishedAt: null });
    expect((await okBody(await put({ percent: 10 }))).percent).toBe(40);
    expect((await okBody(await put({ percent: 100 }))).finishedAt).not.toBeNull();
    expect(await facts('learning.materialFinished', 'learning_material', id)).toEqual([m1]);
  });
});

describe('training classes', () => {
  it('creates each session as a meeting of the class and credits the members checked in when held', async () => {
    const { id: classId } = await okBody(
      await t.office.post('/api/learning/classes', {
        title: '2026年委员履职能力培训班',
        year: 2026,
        memberIds: [m1, m2],
      }),
    );
    expect(
      (await t.office.post('/api/learning/classes', { title: '坏', year: 2026, memberIds: [999999] })).body.message,
    ).toBe('所选委员不存在或已不在本届');
    const startsAt = '2026-12-10T01:00:00.000Z';
    const bad = await t.office.post(`/api/learning/classes/${classId}/sessions`, {
      title: '第一讲',
      startsAt,
      endsAt: startsAt,
      place: '市委党校',
    });
    expect(bad.body.message).toBe('「结束时间」应晚于「开始时间」');
    const { id: sessionId } = await okBody(
      await t.office.post(`/api/learning/classes/${classId}/sessions`, {
        title: '第一讲 人民政协的性质定位',
        startsAt,
        endsAt: '2026-12-10T04:00:00.000Z',
        place: '市委党校',
      }),
    );
    const cls = await okBody(await t.member.get(`/api/learning/classes/${classId}`));
    const s = cls.sessions[0];
    expect(s).toMatchObject({ stateLabel: '待举行', actions: [] });
    const meeting = await okBody(await t.member.get(`/api/meetings/${s.meetingId}`));
    expect(meeting.title).toBe('2026年委员履职能力培训班：第一讲 人民政协的性质定位');
    expect(
      (await okBody(await t.office.get(`/api/learning/classes/${classId}`))).sessions[0].actions.map(
        (a: any) => a.action,
      ),
    ).toEqual(['hold', 'cancel']);
    // a member who is not in the class does not see it
    const outsider = await login(t.app, 'member050');
    expect((await outsider.get(`/api/learning/classes/${classId}`)).status).toBe(404);
    expect((await t.member.post(`/api/learning/sessions/${sessionId}/actions`, { action: 'hold' })).status).toBe(403);
    await okBody(await t.office.post(`/api/meetings/${s.meetingId}/attendance/${m1}`, { present: true }));
    await okBody(await t.office.post(`/api/learning/sessions/${sessionId}/actions`, { action: 'hold' }));
    expect(await facts('learning.classAttended', 'learning_session', sessionId)).toEqual([m1]);
    expect((await okBody(await t.member.get(`/api/meetings/${s.meetingId}`))).status).toBe('closed');
    expect(
      (await t.office.post(`/api/learning/sessions/${sessionId}/actions`, { action: 'cancel', comment: 'x' })).status,
    ).toBe(409);
  });

  it('cancels a session with a reason and cancels its meeting', async () => {
    const { id: classId } = await okBody(
      await t.office.post('/api/learning/classes', { title: '秋季学期专题学习班', year: 2026, memberIds: [m2] }),
    );
    const { id } = await okBody(
      await t.office.post(`/api/learning/classes/${classId}/sessions`, {
        title: '第一讲',
        startsAt: '2026-12-20T01:00:00.000Z',
        endsAt: '2026-12-20T03:00:00.000Z',
        place: '市政协报告厅',
      }),
    );
    expect((await t.office.post(`/api/learning/sessions/${id}/actions`, { action: 'cancel' })).status).toBe(400);
    await okBody(
      await t.office.post(`/api/learning/sessions/${id}/actions`, { action: 'cancel', comment: '授课人临时有事' }),
    );
    const cls = await okBody(await t.office.get(`/api/learning/classes/${classId}`));
    expect(cls.sessions[0].stateLabel).toBe('已取消');
    expect((await okBody(await t.office.get(`/api/meetings/${cls.sessions[0].meetingId}`))).status).toBe('cancelled');
  });
});

describe('reflections', () => {
  it('goes draft → submitted → returned → submitted → accepted (fact) → revoked, each step by its role', async () => {
    const materialId = await publishedVideo('政协委员履职基础知识');
    const { id } = await okBody(
      await t.member.post('/api/learning/reflections', {
        title: '学习体会',
        body: '通过学习，深刻认识到……',
        materialId,
      }),
    );
    // a draft is the author's alone
    expect((await t.office.get(`/api/learning/reflections/${id}`)).status).toBe(404);
    expect((await t.member2.get(`/api/learning/reflections/${id}`)).status).toBe(404);
    expect((await t.member2.post(`/api/learning/reflections/${id}/actions`, { action: 'submit' })).status).toBe(404);
    expect((await t.office.post(`/api/learning/reflections/${id}/actions`, { action: 'accept' })).status).toBe(404);
    const draft = await okBody(await t.member.get(`/api/learning/reflections/${id}`));
    expect(draft.actions.map((a: any) => a.action)).toEqual(['submit']);
    await okBody(await t.member.post(`/api/learning/reflections/${id}/actions`, { action: 'submit' }));
    expect((await t.member.put(`/api/learning/reflections/${id}`, { title: '改', body: '改' })).status).toBe(409);
    expect((await t.member.post(`/api/learning/reflections/${id}/actions`, { action: 'accept' })).status).toBe(403);
    expect((await t.member2.get(`/api/learning/reflections/${id}`)).status).toBe(404);
    const queue = await okBody(await t.office.get('/api/learning/reflections?state=submitted'));
    expect(queue.items.some((r: any) => r.id === id && r.materialTitle === '政协委员履职基础知识')).toBe(true);
    expect((await t.office.post(`/api/learning/reflections/${id}/actions`, { action: 'return' })).status).toBe(400);
    await okBody(
      await t.office.post(`/api/learning/reflections/${id}/actions`, {
        action: 'return',
        comment: '请结合本职工作谈体会',
      }),
    );
    await okBody(
      await t.member.put(`/api/learning/reflections/${id}`, { title: '学习体会', body: '结合本职工作……', materialId }),
    );
    await okBody(await t.member.post(`/api/learning/reflections/${id}/actions`, { action: 'submit' }));
    expect(await facts('learning.reflectionAccepted', 'learning_reflection', id)).toEqual([]);
    await okBody(await t.office.post(`/api/learning/reflections/${id}/actions`, { action: 'accept' }));
    expect(await facts('learning.reflectionAccepted', 'learning_reflection', id)).toEqual([m1]);
    const seen = await okBody(await t.member.get(`/api/learning/reflections/${id}`));
    expect(seen.stateLabel).toBe('已通过');
    expect(seen.timeline.map((x: any) => x.label)).toEqual(['提交', '退回修改', '提交', '审核通过']);
    expect(seen.timeline[1].comment).toBe('请结合本职工作谈体会');
    const note = await queryOne<{ title: string }>(
      db(),
      sql`select title from notifications where link = ${`/learning/reflections/${id}`} order by id desc limit 1`,
    );
    expect(note?.title).toBe('学习心得已通过审核：学习体会');
    await okBody(
      await t.office.post(`/api/learning/reflections/${id}/actions`, { action: 'revoke', comment: '与他人雷同' }),
    );
    expect(await facts('learning.reflectionAccepted', 'learning_reflection', id)).toEqual([]);
    expect((await t.county.get(`/api/learning/reflections/${id}`)).status).toBe(404);
  });

  it('refuses a reflection from staff and on an unknown material', async () => {
    expect((await t.office.post('/api/learning/reflections', { title: 'a', body: 'b' })).status).toBe(403);
    const bad = await t.member.post('/api/learning/reflections', { title: 'a', body: 'b', materialId: 999999 });
    expect(bad.body.message).toBe('所选学习资料不存在或未发布');
  });
});

describe('completion', () => {
  it('counts per member, sector and special committee and exports Excel; members may not read it', async () => {
    expect((await t.member.get('/api/learning/completion?year=2026')).status).toBe(403);
    const year = Number(
      new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()),
    );
    const byMember = await okBody(await t.leader.get(`/api/learning/completion?year=${year}`));
    const row = byMember.items.find((r: any) => r.id === m1);
    expect(row.materialsFinished).toBeGreaterThanOrEqual(1);
    expect(row.reflectionsSubmitted).toBe(1);
    expect(byMember.items.find((r: any) => r.id === m2).materialsFinished).toBe(0);
    const bySector = await okBody(await t.office.get(`/api/learning/completion?year=${year}&by=sector`));
    expect(bySector.items.reduce((s: number, r: any) => s + r.materialsFinished, 0)).toBe(
      byMember.items.reduce((s: number, r: any) => s + r.materialsFinished, 0),
    );
    const bySc = await okBody(await t.office.get(`/api/learning/completion?year=${year}&by=specialCommittee`));
    expect(bySc.items.length).toBeGreaterThan(0);
    const x = await t.office.get(`/api/learning/completion/export?year=${year}&by=sector`);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw as any);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('界别');
    expect(ws.rowCount).toBe(bySector.items.length + 1);
    const held = await okBody(await t.office.get('/api/learning/completion?year=2026'));
    expect(held.items.find((r: any) => r.id === m1).sessionsAttended).toBe(1);
  });
});
