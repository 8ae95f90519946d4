// Grassroots rooms through the routes: the register (QR code, filters, Excel), a member's topic accepted by the room's
// executive convener, a room consultation on the consultation event procedure, an agreed item handed to a unit with a
// working-day deadline, the unit's feedback, the raiser told, the year figures; who may do what.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, beijingToday } from '../../platform/dates.ts';
import { query, queryOne } from '../../platform/db/client.ts';
import { sharedFixture } from '../../test/fixtures.ts';
import { login, okBody, testAppForFile } from '../../test/harness.ts';
import { inDays } from '../consultations/test-helpers.ts';

const t = testAppForFile({
  office: 'office_staff',
  convener: 'member020',
  member: 'member021',
  outsider: 'member022',
  unit: 'unit01',
  leader: 'leader',
  county: 'county_office_staff',
});
let ids: Record<string, number>;
let unitId: number;

beforeAll(async () => {
  const rows = await query<{ username: string; member_id: number }>(
    t.database.db,
    sql`select username, member_id from accounts where username in ('member020', 'member021', 'member022')`,
  );
  ids = Object.fromEntries(rows.map((r) => [r.username, r.member_id]));
  unitId = (await queryOne<{ unit_id: number }>(
    t.database.db,
    sql`select unit_id from accounts where username = 'unit01'`,
  ))!.unit_id;
});

const ROOM = {
  name: '城关街道东门社区协商议事室',
  township: '城关街道',
  village: '东门社区',
  firstConvener: '李书记',
  firstConvenerTitle: '社区党委书记',
};

// Each row below may exist once per file (a room's name is unique; a topic is answered once; a session's item once), so
// each is a shared fixture built by the first test that needs it, each step only after the one before.

/** ROOM with member020 convening and member021, and two more rooms (西门, 新城镇): ROOM's id. */
const eastRoom = sharedFixture(async () => {
  const id = (
    await okBody(
      await t.office.post('/api/grassroots/rooms', {
        ...ROOM,
        execConvenerMemberId: ids.member020,
        memberIds: [ids.member020, ids.member021],
      }),
    )
  ).id as number;
  await okBody(
    await t.office.post('/api/grassroots/rooms', { ...ROOM, name: '城关街道西门社区协商议事室', village: '西门社区' }),
  );
  await okBody(await t.office.post('/api/grassroots/rooms', { ...ROOM, name: '新城镇协商议事室', township: '新城镇' }));
  return id;
});

/** Two topics raised in `eastRoom`: member021's 东门小区加装电梯 and the office's 社区停车位不足: their ids. */
const topics = sharedFixture(async () => {
  const roomId = await eastRoom();
  const post = async (c: typeof t.office, body: object) =>
    (await okBody(await c.post(`/api/grassroots/rooms/${roomId}/topics`, body))).id as number;
  const topicId = await post(t.member, { title: '东门小区加装电梯', body: '老人上下楼难' });
  return { topicId, other: await post(t.office, { title: '社区停车位不足' }) };
});

/** The convener's answer accepting 东门小区加装电梯 (made once: a topic is answered once): the response. */
const accepted = sharedFixture(async () => {
  const { topicId } = await topics();
  return t.convener.post(`/api/grassroots/topics/${topicId}/answer`, { action: 'accept' });
});

/** The room's session (both forms, yesterday, with two guests) on the accepted topic: its id and event id. */
const session = sharedFixture(async () => {
  const { topicId } = await topics();
  okBody(await accepted());
  const s = await okBody(
    await t.office.post(`/api/grassroots/rooms/${await eastRoom()}/sessions`, {
      title: '东门社区加装电梯议事会',
      form: 'both',
      startsAt: inDays(-1, 9),
      endsAt: inDays(-1, 11),
      place: '东门社区议事厅',
      topicIds: [topicId],
      guests: [
        { kind: 'citizen', name: '王大爷' },
        { kind: 'official', name: '张科长', organisation: '街道城建办' },
      ],
    }),
  );
  return { sessionId: s.id as number, eventId: s.eventId as number };
});

/** `session` noticed, member020 checked in, held and minuted, then its agreed item to unit01: the item as answered. */
const item = sharedFixture(async () => {
  const { topicId } = await topics();
  const { sessionId, eventId } = await session();
  await okBody(await t.office.post(`/api/consultations/events/${eventId}/actions`, { action: 'sendNotice' }));
  // Members are invited through the event's meeting; those checked in are credited when it is held.
  const meetingId = (await okBody(await t.office.get(`/api/consultations/events/${eventId}`))).meetingId;
  await okBody(await t.office.post(`/api/meetings/${meetingId}/attendance/${ids.member020}`, { present: true }));
  await okBody(await t.office.post(`/api/consultations/events/${eventId}/actions`, { action: 'hold' }));
  await okBody(
    await t.office.post(`/api/consultations/events/${eventId}/actions`, {
      action: 'recordMinutes',
      minutes: '议定：由住建局牵头推进东门小区加装电梯。',
    }),
  );
  return okBody(
    await t.office.post(`/api/grassroots/sessions/${sessionId}/items`, {
      content: '东门小区3栋加装电梯，年内完成审批',
      topicId,
      unitId,
    }),
  );
});

describe('grassroots rooms', () => {
  it('staff register a room with its conveners, members and a QR code to its public page', async () => {
    const bad = await t.office.post('/api/grassroots/rooms', { ...ROOM, memberIds: [2147483000] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('所选委员不存在');
    const roomId = await eastRoom();
    const dup = await t.office.post('/api/grassroots/rooms', ROOM);
    expect([dup.status, dup.body.message]).toEqual([409, `已有名为「${ROOM.name}」的协商议事室`]);

    const room = await okBody(await t.member.get(`/api/grassroots/rooms/${roomId}`));
    expect(room).toMatchObject({ name: ROOM.name, execConvenerName: expect.any(String), memberCount: 2 });
    expect(room.members.map((m: any) => m.id).sort()).toEqual([ids.member020, ids.member021].sort());
    expect(room.publicUrl).toMatch(/\/public\/rooms\/[A-Za-z0-9_-]{16,}$/);
    expect(room.qrSvg).toContain('<svg');

    const list = await okBody(await t.office.get('/api/grassroots/rooms?township=城关街道&pageSize=1'));
    expect(list.total).toBe(2);
    expect(list.items).toHaveLength(1);
    const found = await okBody(await t.office.get('/api/grassroots/rooms?q=新城镇'));
    expect(found.items.map((r: any) => r.name)).toEqual(['新城镇协商议事室']);
    const xlsx = await t.office.get('/api/grassroots/rooms/export');
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-disposition'])).toContain(encodeURIComponent('协商议事室名册.xlsx'));

    expect((await t.member.post('/api/grassroots/rooms', { ...ROOM, name: '委员自建' })).status).toBe(403);
    expect((await t.county.get(`/api/grassroots/rooms/${roomId}`)).status).toBe(404);
  });

  it("a member's topic is accepted by the room's executive convener, not by another member; a decline needs a reason", async () => {
    const roomId = await eastRoom();
    const { topicId, other } = await topics();
    const notes = await okBody(await t.convener.get('/api/notifications'));
    expect(notes.items.map((n: any) => n.title)).toContain(`${ROOM.name}收到新议题：东门小区加装电梯`);

    expect((await t.outsider.post(`/api/grassroots/topics/${topicId}/answer`, { action: 'accept' })).status).toBe(403);
    const noReason = await t.convener.post(`/api/grassroots/topics/${other}/answer`, { action: 'decline' });
    expect([noReason.status, noReason.body.message]).toEqual([400, '请填写「不予受理理由」']);
    await okBody(
      await t.convener.post(`/api/grassroots/topics/${other}/answer`, {
        action: 'decline',
        reason: '已列入街道年度计划',
      }),
    );
    expect(okBody(await accepted())).toEqual({
      state: 'accepted',
    });
    const again = await t.convener.post(`/api/grassroots/topics/${topicId}/answer`, { action: 'decline', reason: 'x' });
    expect(again.status).toBe(409);
    const told = await okBody(await t.member.get('/api/notifications'));
    expect(told.items.map((n: any) => n.title)).toContain('您提出的议题已受理：东门小区加装电梯');

    const mine = await okBody(await t.member.get(`/api/grassroots/topics?roomId=${roomId}`));
    expect(mine.items.map((x: any) => [x.title, x.stateLabel])).toEqual(
      expect.arrayContaining([
        ['东门小区加装电梯', '已受理'],
        ['社区停车位不足', '不予受理'],
      ]),
    );
    expect((await t.outsider.get(`/api/grassroots/topics?roomId=${roomId}`)).body.total).toBe(0);
  });

  it('a room consultation is a consultation event: notice, held (participation facts), agreed item to a unit', async () => {
    const [roomId, { topicId }] = [await eastRoom(), await topics()];
    const notAccepted = await t.office.post(`/api/grassroots/rooms/${roomId}/sessions`, {
      title: '东门社区加装电梯议事会',
      form: 'both',
      startsAt: inDays(-1, 9),
      endsAt: inDays(-1, 11),
      place: '东门社区议事厅',
      topicIds: [topicId + 1],
    });
    expect(notAccepted.status).toBe(400);
    const { sessionId, eventId } = await session();
    const event = await okBody(await t.office.get(`/api/consultations/events/${eventId}`));
    expect(event).toMatchObject({ kind: 'grassroots', state: 'preparation' });

    const early = await t.office.post(`/api/grassroots/sessions/${sessionId}/items`, { content: 'x', unitId });
    expect([early.status, early.body.message]).toEqual([409, '议事活动举行后才能登记议定事项']);
    // Noticed, member020 checked in, held, minuted; then the agreed item (see `item`).
    const made = await item();
    const itemId = made.id;
    // The deadline is the committee's setting (default 15 working days); an administrator changes it.
    expect((await t.office.get('/api/grassroots/settings')).body.itemFeedbackWorkingDays).toBe(15);
    const admin = await login(t.app, 'admin');
    const bad = await admin.put('/api/grassroots/settings', {
      ...(await t.office.get('/api/grassroots/settings')).body,
      codeMinutes: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('验证码有效时间（分钟）');
    const days = 15;
    expect(made.dueOn).toBe(await addWorkingDays(t.database.db, 1, beijingToday(), days));
    const got = await okBody(await t.office.get(`/api/grassroots/sessions/${sessionId}`));
    expect(got).toMatchObject({
      eventState: 'minuted',
      formLabel: '线上线下结合',
      topics: [{ id: topicId, state: 'concluded' }],
    });
    expect(got.items).toEqual([expect.objectContaining({ id: itemId, state: 'assigned', overdue: false })]);
  });

  it('the unit feeds back on its own item only; the member who raised it is told; staff resolve; figures count', async () => {
    const [itemId, { eventId }] = [(await item()).id, await session()];
    const unitNotes = await okBody(await t.unit.get('/api/notifications'));
    expect(unitNotes.items.some((n: any) => n.title.includes('东门小区3栋加装电梯'))).toBe(true);
    const other = await login(t.app, 'unit02');
    expect((await other.post(`/api/grassroots/items/${itemId}/feedback`, { feedback: '已办' })).status).toBe(404);
    expect((await t.member.post(`/api/grassroots/items/${itemId}/feedback`, { feedback: '已办' })).status).toBe(403);
    const mine = await okBody(await t.unit.get('/api/grassroots/items'));
    expect(mine.map((i: any) => i.id)).toEqual([itemId]);
    await okBody(await t.unit.post(`/api/grassroots/items/${itemId}/feedback`, { feedback: '已完成审批，下月开工' }));
    const told = await okBody(await t.member.get('/api/notifications'));
    expect(told.items.map((n: any) => n.title)).toContain('议定事项已反馈：东门小区3栋加装电梯，年内完成审批');
    await okBody(await t.office.post(`/api/grassroots/items/${itemId}/resolve`, {}));
    const row = await queryOne<{ state: string; feedback: string }>(
      t.database.db,
      sql`select state, feedback from grassroots_agreed_items where id = ${itemId}`,
    );
    expect(row).toEqual({ state: 'resolved', feedback: '已完成审批，下月开工' });

    const facts = await query<{ member_id: number }>(
      t.database.db,
      sql`select member_id from duty_facts where source_type = 'consultation_event' and source_id = ${eventId}
        and kind = 'consultation.participated' and revoked_at is null order by member_id`,
    );
    expect(facts.map((f) => f.member_id)).toEqual([ids.member020]);

    const year = beijingToday().slice(0, 4);
    const f = await okBody(
      await t.leader.get(
        `/api/figures?period=${year}&ids=grassroots.rooms,grassroots.sessions,grassroots.onlineSessions,grassroots.topics,grassroots.itemsResolved`,
      ),
    );
    const value = Object.fromEntries(f.items.map((i: any) => [i.id, i.value]));
    expect(value).toMatchObject({
      'grassroots.rooms': 3,
      'grassroots.sessions': 1,
      'grassroots.onlineSessions': 1,
      'grassroots.topics': 2,
      'grassroots.itemsResolved': 1,
    });
    // Room sessions are counted here, not in the consultation sentence.
    const c = await okBody(await t.leader.get(`/api/consultations/figures?year=${year}`));
    expect(c.byKind.map((k: any) => k.kind)).not.toContain('grassroots');
  });
});
