// The member's record (履职档案) through the routes: a member with facts in every module (a proposal, an opinion
// report, a meeting attended, an activity, a task completed, a commitment, the year's score) sees them all on one
// timeline, filtered by section, and as Word; staff with the permission see any member; another member, staff
// without it and another committee get nothing. A member who spoke at a consultation, finished a learning material, had a
// reflection accepted and wrote a reading note sees those too.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { beijingToday } from '../../platform/dates.ts';
import { query } from '../../platform/db/client.ts';
import { login, okBody, testAppForFile } from '../../test/harness.ts';
import { docxText, ELEVATOR } from '../opinions/test-helpers.ts';
import { registered } from '../proposals/test-helpers.ts';

const t = testAppForFile({
  office: 'office_staff',
  proposalStaff: 'proposal_staff',
  leader: 'leader',
  member: 'member090',
  other: 'member091',
  county: 'county_admin',
});

const rec0Day = () => beijingToday();
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

describe('the member’s record', () => {
  it('gathers every module’s entries for the member, and shows them to nobody else', async () => {
    const memberId = t.member.me.account.memberId as number;
    const proposalId = await registered(t.member, t.proposalStaff, { title: '关于推进老旧小区改造的建议' });
    await okBody(await t.member.post('/api/opinions', { ...ELEVATOR, submit: true }));
    const { id: meetingId } = await okBody(
      await t.office.post('/api/meetings', {
        kind: 'standing',
        title: '六届常委会第三次会议',
        startsAt: hoursFromNow(-0.5),
        endsAt: hoursFromNow(2),
        halfDays: 1,
        place: '市政协会议室',
        invite: { rule: 'members', memberIds: [memberId] },
      }),
    );
    await okBody(await t.office.post(`/api/meetings/${meetingId}/attendance/${memberId}`, { present: true }));
    const { id: activityId } = await okBody(
      await t.office.post('/api/activities', {
        kind: 'research',
        title: '乡村振兴专题调研',
        startsAt: hoursFromNow(-1),
        endsAt: hoursFromNow(1),
        place: '北山镇',
        registration: 'invite',
        invite: { rule: 'members', memberIds: [memberId] },
      }),
    );
    await okBody(await t.office.post(`/api/activities/${activityId}/attendance/${memberId}`, { present: true }));
    await okBody(
      await t.office.post('/api/tasks', {
        kind: 'themedProposal',
        title: '围绕城市更新提交专题提案',
        quarter: '2026-Q4',
        send: { rule: 'members', memberIds: [memberId] },
      }),
    );
    const a = (await okBody(await t.member.get('/api/tasks/mine'))).items[0];
    await okBody(await t.member.post(`/api/task-assignments/${a.id}/actions`, { action: 'accept' }));
    await okBody(
      await t.member.post(`/api/task-assignments/${a.id}/actions`, {
        action: 'complete',
        evidenceType: 'proposal',
        evidenceId: proposalId,
      }),
    );
    // This year's commitments: the committee keeps the window open all year.
    const year = Number(rec0Day().slice(0, 4));
    await okBody(
      await t.office.put(`/api/commitments/settings?year=${year}`, {
        maxPerMember: 5,
        pickUntil: '12-31',
        reportFrom: '12-31',
      }),
    );
    await okBody(await t.member.post('/api/commitments', { year, text: '每季度走访一次界别群众' }));

    const rec = await okBody(await t.member.get(`/api/record/members/${memberId}`));
    expect(rec.member).toMatchObject({ memberId, termName: '第六届' });
    const kinds = rec.entries.map((e: any) => `${e.source}:${e.kind}:${e.title}`);
    for (const want of [
      'proposals:提交提案:关于推进老旧小区改造的建议',
      `opinions:报送社情民意信息:${ELEVATOR.title}`,
      'meetings:常委会议:六届常委会第三次会议',
      'activities:调研:乡村振兴专题调研',
      'tasks:专题提案:围绕城市更新提交专题提案',
      `commitments:${year}年度承诺:每季度走访一次界别群众`,
    ])
      expect(kinds).toContain(want);
    expect(rec.entries.find((e: any) => e.source === 'meetings').detail).toBe('出席');
    expect(rec.entries.find((e: any) => e.source === 'tasks').detail).toBe('已完成，成果：关于推进老旧小区改造的建议');
    expect(rec.entries.some((e: any) => e.source === 'duty' && e.kind === '年度履职评价')).toBe(true);
    expect(rec.sections.map((s: any) => s.label)).toEqual([
      '提案',
      '社情民意信息',
      '会议',
      '履职活动',
      '履职考核',
      '协商发言',
      '学习培训',
      '书香政协',
      '派单任务',
      '承诺践诺',
    ]);
    expect(rec.entries.find((e: any) => e.source === 'commitments').detail).toBe('待践诺');
    const dates = rec.entries.map((e: any) => e.date);
    expect(dates).toEqual([...dates].sort());

    const onlyMeetings = await okBody(await t.member.get(`/api/record/members/${memberId}?source=meetings`));
    expect(onlyMeetings.entries.map((e: any) => e.source)).toEqual(['meetings']);

    const docx = await t.member.get(`/api/record/members/${memberId}/record.docx`);
    expect(docx.status).toBe(200);
    const text = docxText(docx.raw as Buffer);
    expect(text).toContain('委员履职档案（第六届）');
    expect(text).toContain('乡村振兴专题调研');

    // Staff by permission see it; another member, staff without the permission and another committee do not.
    expect((await okBody(await t.office.get(`/api/record/members/${memberId}`))).entries.length).toBe(
      rec.entries.length,
    );
    expect((await t.leader.get(`/api/record/members/${memberId}`)).status).toBe(200);
    expect((await t.other.get(`/api/record/members/${memberId}`)).status).toBe(404);
    expect((await t.other.get(`/api/record/members/${memberId}/record.docx`)).status).toBe(404);
    expect((await t.proposalStaff.get(`/api/record/members/${memberId}`)).status).toBe(403);
    expect((await t.county.get(`/api/record/members/${memberId}`)).status).toBe(404);
    const [countyMember] = await query<{ id: number }>(
      t.database.db,
      sql`select m.id from members m join committees c on c.id = m.committee_id where c.name <> '示例市政协' order by m.id limit 1`,
    );
    expect((await t.office.get(`/api/record/members/${countyMember.id}`)).status).toBe(404);
  });

  it('shows a consultation speech, a finished material, an accepted reflection and a reading note', async () => {
    const [speaker, lead] = await Promise.all(['member092', 'member093'].map((u) => login(t.app, u)));
    const memberId = speaker.me.account.memberId as number;
    const { id: eventId } = await okBody(
      await t.office.post('/api/consultations/events', {
        kind: 'thematic',
        title: '推进城市更新专题协商会',
        startsAt: hoursFromNow(24 * 30),
        endsAt: hoursFromNow(24 * 30 + 3),
        place: '市政协三楼会议室',
        counterpartBody: '市住房和城乡建设局',
      }),
    );
    await okBody(
      await t.office.post(`/api/consultations/events/${eventId}/participants`, {
        rule: 'members',
        memberIds: [memberId],
      }),
    );
    await okBody(
      await speaker.post(`/api/consultations/events/${eventId}/speeches`, {
        title: '以“微更新”激活老旧街区',
        body: '建议设立微更新专项资金……',
      }),
    );

    const up = await t.office.upload('/api/learning/uploads?kind=pdf', '章程.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    const { id: materialId } = await okBody(
      await t.office.post('/api/learning/materials', { title: '政协章程读本', kind: 'pdf', fileId: up.body.id }),
    );
    await okBody(await t.office.post(`/api/learning/materials/${materialId}/actions`, { action: 'publish' }));
    await okBody(await speaker.put(`/api/learning/materials/${materialId}/progress`, { percent: 100 }));
    const { id: reflectionId } = await okBody(
      await speaker.post('/api/learning/reflections', { title: '学习章程的体会', body: '通过学习……', materialId }),
    );
    await okBody(await speaker.post(`/api/learning/reflections/${reflectionId}/actions`, { action: 'submit' }));
    // Under review it is not yet part of the record; accepted, it is.
    const before = await okBody(await speaker.get(`/api/record/members/${memberId}?source=learning`));
    expect(before.entries.map((e: any) => e.kind)).toEqual(['完成学习']);
    await okBody(await t.office.post(`/api/learning/reflections/${reflectionId}/actions`, { action: 'accept' }));

    const { id: groupId } = await okBody(
      await t.office.post('/api/reading/groups', {
        name: '城建界别读书群',
        leadMemberId: lead.me.account.memberId,
        memberIds: [memberId],
      }),
    );
    await okBody(
      await speaker.post(`/api/reading/groups/${groupId}/notes`, {
        title: '读《乡土中国》有感',
        body: '差序格局的概念，帮助我理解基层治理。',
      }),
    );

    const rec = await okBody(await speaker.get(`/api/record/members/${memberId}`));
    const seen = rec.entries.map((e: any) => `${e.source}:${e.kind}:${e.title}:${e.detail ?? ''}`);
    expect(seen).toContain('consultations:协商发言:以“微更新”激活老旧街区:推进城市更新专题协商会，已提交发言稿');
    expect(seen).toContain('learning:完成学习:政协章程读本:');
    expect(seen).toContain('learning:学习心得:学习章程的体会:已通过');
    expect(seen).toContain('reading:读书笔记:读《乡土中国》有感:城建界别读书群');
    const onlyReading = await okBody(await speaker.get(`/api/record/members/${memberId}?source=reading`));
    expect(onlyReading.entries.map((e: any) => e.title)).toEqual(['读《乡土中国》有感']);
    // Another member's record holds none of it.
    const theirs = await okBody(await t.office.get(`/api/record/members/${t.member.me.account.memberId}`));
    expect(theirs.entries.some((e: any) => e.title === '读《乡土中国》有感')).toBe(false);
  });
});
