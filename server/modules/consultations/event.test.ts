// Consultation events through the routes: created from a plan item or unplanned (a handling consultation from a key
// proposal), participants, the notice creating the linked meeting, speeches selected and delivered, check-in turned into
// participation, minutes, cancellation; duty facts, to-dos, figures and the year sentence; key-proposal consultations
// recorded before this module migrated into events. Every transition allowed and forbidden.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../../platform/db/client.ts';
import { runDueJobs } from '../../platform/jobs/jobs.ts';
import { sharedFixture } from '../../test/fixtures.ts';
import { type Client, okBody, testAppForFile } from '../../test/harness.ts';
import { liveFactMemberIds, memberIdsOf } from '../../test/queries.ts';
import { registered } from '../proposals/test-helpers.ts';
import { done, held, noticed, participantsBody, speechesDecided } from './event.fixtures.ts';
import { eventAction, eventBody, inDays, publishedPlan } from './test-helpers.ts';

const t = testAppForFile({
  office: 'office_staff',
  leader: 'leader',
  member: 'member010',
  member2: 'member011',
  proposalStaff: 'proposal_staff',
  county: 'county_office_staff',
});
let m1: number;
let m2: number;

beforeAll(async () => {
  [m1, m2] = await memberIdsOf(t.database.db, ['member010', 'member011']);
});

const db = () => t.database.db;
const facts = (kind: string, sourceType: string, sourceId: number) =>
  liveFactMemberIds(db(), kind, sourceType, sourceId);

const event = eventBody;

/** The 2040 consultation plan, published with one item (made once per file: a year has one plan per kind). */
const planItem = sharedFixture(() => publishedPlan(t.office, t.leader, 2040));

/** The thematic event created from `planItem`'s item (made once): its id; `noticed` … `done` take it further. */
const planEvent = sharedFixture(async () => {
  const { itemId } = await planItem();
  return (await okBody(await t.office.post('/api/consultations/events', event({ planItemId: itemId })))).id as number;
});

describe('an event from a plan item to done', () => {
  const year = new Date(inDays(30)).getUTCFullYear();

  it('is created from a published plan item; bad kinds and unknown activities are refused', async () => {
    await planItem();
    expect((await t.office.post('/api/consultations/events', event({ kind: 'nope' }))).body.error).toBe(
      'consultation.kind',
    );
    expect((await t.office.post('/api/consultations/events', event({ activityIds: [999999] }))).body.field).toBe(
      'activityIds',
    );
    const sup = await t.office.post('/api/consultations/events', event({ kind: 'inspection' }));
    expect([sup.status, sup.body.field]).toEqual([400, 'supervisedBody']);
    expect((await t.member.post('/api/consultations/events', event())).status).toBe(403);
    const id = await planEvent();
    const e = await okBody(await t.office.get(`/api/consultations/events/${id}`));
    expect([e.stateLabel, e.kindLabel, e.planItemTopic, e.agenda.length]).toEqual([
      '筹备中',
      '专题协商',
      '推进城市更新与老旧小区改造',
      4,
    ]);
    expect(e.actions.map((a: any) => a.action)).toEqual(['cancel']);
    expect((await t.county.get(`/api/consultations/events/${id}`)).status).toBe(404);
    // A member does not see an event still in preparation that they are not part of.
    expect((await t.member.get(`/api/consultations/events/${id}`)).status).toBe(404);
  });

  it('needs participants before the notice; the notice creates the linked meeting that invites the members', async () => {
    const id = await planEvent();
    const res = await eventAction(t.office, id, 'sendNotice');
    expect([res.status, res.body.message]).toEqual([403, '请先确定参加人员']);
    const added = await okBody(
      await t.office.post(`/api/consultations/events/${id}/participants`, participantsBody({ m1, m2 })),
    );
    expect(added).toEqual({ members: 2, guests: 3 });
    expect((await eventAction(t.member, id, 'sendNotice')).status).toBe(403);
    await okBody(await eventAction(t.office, id, 'sendNotice'));
    const e = await okBody(await t.member.get(`/api/consultations/events/${id}`));
    expect(e.isParticipant).toBe(true);
    expect(e.meetingId).toBeGreaterThan(0);
    const meeting = await okBody(await t.member.get(`/api/meetings/${e.meetingId}`));
    expect(meeting.title).toBe('推进城市更新专题协商会');
    const upcoming = await okBody(await t.member.get('/api/consultations/events?upcoming=true'));
    expect(upcoming.items.map((x: any) => x.id)).toContain(id);
  });

  it('members sign up to speak and submit text; the office selects and orders', async () => {
    const id = await planEvent();
    await noticed(t, id, { m1, m2 });
    const s1 = await okBody(
      await t.member.post(`/api/consultations/events/${id}/speeches`, {
        title: '以“微更新”激活老旧街区',
        body: '建议设立微更新专项资金……',
      }),
    );
    const speech1 = s1.id;
    expect(s1.state).toBe('submitted');
    expect((await t.member.post(`/api/consultations/events/${id}/speeches`, { title: '再报一次' })).status).toBe(409);
    const speech2 = (
      await okBody(await t.member2.post(`/api/consultations/events/${id}/speeches`, { title: '老旧小区加装电梯' }))
    ).id;
    expect(JSON.stringify((await t.member2.get('/api/todos')).body)).toContain('待提交发言稿');
    expect((await t.member.put(`/api/consultations/speeches/${speech2}`, { title: 'x', body: 'y' })).status).toBe(404);
    expect(
      (await t.member2.put(`/api/consultations/speeches/${speech2}`, { title: '老旧小区加装电梯', body: '' })).status,
    ).toBe(400);
    await okBody(
      await t.member2.put(`/api/consultations/speeches/${speech2}`, {
        title: '老旧小区加装电梯',
        body: '建议简化审批……',
      }),
    );
    expect((await t.member.post(`/api/consultations/speeches/${speech1}/decision`, { action: 'select' })).status).toBe(
      403,
    );
    await okBody(
      await t.office.post(`/api/consultations/speeches/${speech1}/decision`, {
        action: 'select',
        position: 1,
        minutesAllowed: 5,
      }),
    );
    await okBody(
      await t.office.post(`/api/consultations/speeches/${speech2}/decision`, {
        action: 'reject',
        comment: '内容与其他发言重复',
      }),
    );
    expect(await facts('speech.selected', 'consultation_speech', speech1)).toEqual([m1]);
    const early = await t.office.post(`/api/consultations/speeches/${speech1}/decision`, { action: 'deliver' });
    expect([early.status, early.body.message]).toEqual([403, '协商活动举行后才能确认已发言']);
    const seen = (await okBody(await t.member2.get(`/api/consultations/events/${id}`))).speeches;
    expect(seen.map((s: any) => [s.memberId, s.stateLabel, s.position])).toEqual([
      [m1, '已遴选', 1],
      [m2, '未遴选', null],
    ]);
    expect(seen[0].body).toBe('');
  });

  it('held: the members checked in at the meeting are credited with participation; the delivered speech is a fact', async () => {
    const id = await planEvent();
    const [speech1, speech2] = await speechesDecided(t, id, { m1, m2 });
    const e = await okBody(await t.office.get(`/api/consultations/events/${id}`));
    await okBody(await t.office.post(`/api/meetings/${e.meetingId}/attendance/${m1}`, { present: true }));
    await okBody(await eventAction(t.office, id, 'hold'));
    expect(await facts('consultation.participated', 'consultation_event', id)).toEqual([m1]);
    expect((await t.member2.post(`/api/consultations/speeches/${speech2}/withdraw`)).status).toBe(409);
    await okBody(await t.office.post(`/api/consultations/speeches/${speech1}/decision`, { action: 'deliver' }));
    expect(await facts('speech.delivered', 'consultation_speech', speech1)).toEqual([m1]);
    const p = (await okBody(await t.office.get(`/api/consultations/events/${id}`))).participants.find(
      (x: any) => x.memberId === m2,
    );
    await okBody(await t.office.put(`/api/consultations/events/${id}/participants/${p.id}/research`, { on: true }));
    expect(await facts('consultation.research', 'consultation_event', id)).toEqual([m2]);
    expect((await eventAction(t.office, id, 'cancel', { comment: '改期' })).status).toBe(409);
  });

  it('minutes are required text; then done', async () => {
    const id = await planEvent();
    await held(t, id, { m1, m2 });
    const none = await eventAction(t.office, id, 'recordMinutes');
    expect([none.status, none.body.field]).toEqual([400, 'minutes']);
    await okBody(
      await eventAction(t.office, id, 'recordMinutes', { minutes: '会议听取了市住建局的情况通报，6位委员作了发言……' }),
    );
    await okBody(await eventAction(t.office, id, 'complete'));
    const e = await okBody(await t.office.get(`/api/consultations/events/${id}`));
    expect(e.timeline.map((x: any) => x.toStateLabel)).toEqual([
      '筹备中',
      '已发通知',
      '已举行',
      '纪要已形成',
      '已完成',
    ]);
    const audit = await queryOne<{ n: number }>(
      db(),
      sql`select count(*)::int as n from audit_log where entity = 'consultation_event' and entity_id = ${String(id)}`,
    );
    expect(audit!.n).toBeGreaterThanOrEqual(6);
  });

  it('a cancelled event cancels its meeting and is not counted', async () => {
    const other = (
      await okBody(
        await t.office.post('/api/consultations/events', event({ kind: 'counterpart', title: '对口协商会' })),
      )
    ).id;
    await okBody(
      await t.office.post(`/api/consultations/events/${other}/participants`, { rule: 'members', memberIds: [m1] }),
    );
    await okBody(await eventAction(t.office, other, 'sendNotice'));
    expect((await eventAction(t.office, other, 'cancel')).status).toBe(400);
    await okBody(await eventAction(t.office, other, 'cancel', { comment: '因故取消' }));
    const e = await okBody(await t.office.get(`/api/consultations/events/${other}`));
    expect((await t.office.get(`/api/meetings/${e.meetingId}`)).body.status).toBe('cancelled');
    expect((await eventAction(t.office, other, 'hold')).status).toBe(409);
  });

  it('figures by kind and the year sentence come from the data', async () => {
    await done(t, await planEvent(), { m1, m2 });
    const f = await okBody(await t.leader.get(`/api/consultations/figures?year=${year}`));
    expect(f.sentence).toBe('全年共开展协商1次，其中专题协商1次。');
    expect(f.supervisionSentence).toBe('全年共开展民主监督0次。');
    expect([f.participants, f.members, f.speeches, f.delivered]).toEqual([5, 2, 2, 1]);
    expect(f.byKind).toEqual([{ kind: 'thematic', label: '专题协商', category: 'consultation', events: 1 }]);
    expect((await t.member.get(`/api/consultations/figures?year=${year}`)).status).toBe(403);
    const plan = await okBody(await t.office.get('/api/consultations/plans?year=2040'));
    expect(plan.items[0].items).toBe(1);
    const p = await okBody(await t.office.get(`/api/consultations/plans/${plan.items[0].id}`));
    expect(p.items[0].carriedOut).toBe(true);
  });
});

describe('handling consultations of key proposals', () => {
  it('is started from a key proposal only, and listed on it', async () => {
    const pid = await registered(t.member, t.proposalStaff);
    const notKey = await t.office.post(
      '/api/consultations/events',
      event({ kind: 'proposalHandling', proposalId: pid }),
    );
    expect([notKey.status, notKey.body.field]).toEqual([400, 'proposalId']);
    await okBody(
      await t.proposalStaff.put(`/api/proposals/${pid}/key`, {
        governmentLeader: '张副市长',
        supervisingLeader: '王副主席',
      }),
    );
    const id = (
      await okBody(
        await t.office.post(
          '/api/consultations/events',
          event({ kind: 'proposalHandling', proposalId: pid, title: '养老提案办理协商' }),
        ),
      )
    ).id;
    const list = await okBody(await t.office.get(`/api/consultations/events?proposalId=${pid}`));
    expect(list.items.map((x: any) => x.id)).toEqual([id]);
  });

  it('the ones recorded on key proposals before are migrated as held 提案办理协商 events', async () => {
    const pid = await registered(t.member2, t.proposalStaff, { title: '关于优化公交线网的建议' });
    await okBody(
      await t.proposalStaff.put(`/api/proposals/${pid}/key`, {
        governmentLeader: '张副市长',
        supervisingLeader: '王副主席',
      }),
    );
    await okBody(
      await t.proposalStaff.post(`/api/proposals/${pid}/key/events`, {
        kind: 'consultation',
        date: '2025-05-20',
        text: '召开办理协商会',
      }),
    );
    const file = fs.readFileSync(path.join(import.meta.dirname, 'migrations/0500_consultations.sql'), 'utf8');
    await db().execute(sql.raw(file.slice(file.indexOf('insert into consultation_events'))));
    const e = await queryOne<any>(
      db(),
      sql`select kind, state, title, held_on::text as held_on, minutes from consultation_events where proposal_id = ${pid}`,
    );
    expect(e).toEqual({
      kind: 'proposalHandling',
      state: 'done',
      title: '提案办理协商：关于优化公交线网的建议',
      held_on: '2025-05-20',
      minutes: '召开办理协商会',
    });
    const f = await okBody(await t.office.get('/api/consultations/figures?year=2025'));
    expect(f.sentence).toBe('全年共开展协商1次，其中重点提案重要提案办理协商1次。');
  });
});

describe('working-day deadlines across the Spring Festival of 2026', () => {
  const notices = async (c: Client) =>
    (await c.get('/api/notifications?pageSize=100')).body.items as { title: string }[];

  it('the notice is due 15 and the materials 10 working days before the meeting, counting the make-up Saturdays', async () => {
    const id = (
      await okBody(
        await t.office.post(
          '/api/consultations/events',
          event({ title: '节后专题协商', startsAt: '2026-03-03T09:00:00+08:00', endsAt: '2026-03-03T11:30:00+08:00' }),
        ),
      )
    ).id;
    const e = await okBody(await t.office.get(`/api/consultations/events/${id}`));
    // Back from Tuesday 3 March: 2 Mar, Sat 28 Feb (make-up), 27–24 Feb, the holiday 15–23 Feb skipped, Sat 14 Feb (make-up)…
    expect([e.noticeDue, e.materialsDue]).toEqual(['2026-02-04', '2026-02-11']);
  });

  it('minutes are due 7 working days after the meeting; the office is reminded, then told it is overdue', async () => {
    const id = (
      await okBody(
        await t.office.post(
          '/api/consultations/events',
          event({
            title: '节前界别协商',
            kind: 'sector',
            startsAt: '2026-02-13T09:00:00+08:00',
            endsAt: '2026-02-13T11:30:00+08:00',
          }),
        ),
      )
    ).id;
    await okBody(
      await t.office.post(`/api/consultations/events/${id}/participants`, {
        guests: [{ kind: 'expert', name: '周研究员' }],
      }),
    );
    await okBody(await eventAction(t.office, id, 'sendNotice'));
    await okBody(await eventAction(t.office, id, 'hold'));
    const e = await okBody(await t.office.get(`/api/consultations/events/${id}`));
    expect([e.heldOn, e.minutesDue]).toEqual(['2026-02-13', '2026-03-02']);
    await runDueJobs(db(), { now: new Date('2026-02-28T12:00:00+08:00') });
    expect((await notices(t.office)).some((n) => n.title === '请于 2026-03-02 前形成纪要：节前界别协商')).toBe(true);
    await runDueJobs(db(), { now: new Date('2026-03-03T08:00:00+08:00') });
    expect((await notices(t.office)).some((n) => n.title === '已超过形成纪要期限（2026-03-02）：节前界别协商')).toBe(
      true,
    );
    expect(JSON.stringify((await t.office.get('/api/todos')).body)).toContain('纪要已超期的协商活动');
  });
});
