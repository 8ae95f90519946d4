// The monthly report (专委会月汇报) through the routes: the draft filled with the month's facts (a meeting with the
// members checked in, an opinion report, the signature project's progress), edited and submitted by the special
// committee's office, commented by a leader, exported to Word; who may read it; the to-dos by the due day setting.

import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { beijingMonthOf, beijingToday, setTestClock, startOfBeijingDay } from '../../platform/dates.ts';
import { query, queryOne } from '../../platform/db/client.ts';
import { sharedFixture } from '../../test/fixtures.ts';
import { type Client, login, okBody, testAppForFile } from '../../test/harness.ts';
import { econAndAgri, newAgriStaff } from './test-helpers.ts';

const t = testAppForFile();
let special: Client;
let agri: Client;
let office: Client;
let leader: Client;
let member: Client;
let econ: number;
let agriId: number;
// The real month: opinion reports are stamped by the database clock, not the test clock.
const month = beijingMonthOf(new Date());
const monthLabel = `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
const nextMonth = (() => {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
})();

const todos = async (c: Client) =>
  (await okBody(await c.get('/api/todos'))).items as { key: string; label: string; count: number }[];

beforeAll(async () => {
  const db = t.database.db;
  ({ econ, agri: agriId } = await econAndAgri(db));
  const m = await queryOne<{ username: string }>(
    db,
    sql`select a.username from member_special_committees x join accounts a on a.committee_id = x.committee_id
      and a.member_id = x.member_id and a.username like 'member%' where x.special_committee_id = ${econ} order by a.username limit 1`,
  );
  agri = await newAgriStaff(t.app);
  [special, office, leader, member] = await Promise.all(
    ['special_staff', 'office_staff', 'leader', m!.username].map((u) => login(t.app, u)),
  );

  // The month's facts: a meeting with two members checked in, an opinion report, a progress entry.
  const ids = (
    await query<{ id: number }>(
      db,
      sql`select member_id as id from member_special_committees where special_committee_id = ${econ} order by member_id limit 3`,
    )
  ).map((r) => r.id);
  const start = new Date(startOfBeijingDay(beijingToday()).getTime() + 60_000);
  const meeting = await okBody(
    await special.post('/api/meetings', {
      kind: 'specialCommittee',
      specialCommitteeId: econ,
      title: '民营经济发展专题座谈会',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3 * 3600_000).toISOString(),
      place: '第二会议室',
      invite: { rule: 'members', memberIds: ids },
    }),
  );
  for (const id of ids.slice(0, 2))
    await okBody(await special.post(`/api/meetings/${meeting.id}/attendance/${id}`, { present: true }));
  await okBody(
    await special.post('/api/opinions', {
      title: '关于降低小微企业融资成本的建议',
      body: '小微企业融资难、融资贵问题仍然突出，建议扩大政府性融资担保覆盖面。',
      category: '经济发展',
      submit: true,
    }),
  );
  const p = await okBody(
    await special.put(`/api/workspace/special-committees/${econ}/signature`, {
      year: Number(month.slice(0, 4)),
      title: '助企纾困直通车',
      goal: '全年走访企业100家',
    }),
  );
  await okBody(await special.post(`/api/workspace/signature/${p.id}/progress`, { text: '走访高新区企业12家' }));
});
afterEach(() => setTestClock(null));

/** 经济委员会's report of this month, drafted by its office from the month's facts: its id (one per month, made once). */
const draftReport = sharedFixture(
  async () =>
    (await okBody(await special.post('/api/workspace/reports', { specialCommitteeId: econ, month }))).id as number,
);

/** draftReport, submitted unless it has been already. */
async function submittedReport() {
  const id = await draftReport();
  if ((await okBody(await special.get(`/api/workspace/reports/${id}`))).state === 'draft') {
    await okBody(await special.post(`/api/workspace/reports/${id}/actions`, { action: 'submit' }));
  }
}

describe('monthly report', () => {
  it('generates the draft from the month’s facts', async () => {
    const reportId = await draftReport();
    const r = await okBody(await special.get(`/api/workspace/reports/${reportId}`));
    expect(r.title).toBe(`经济委员会${monthLabel}工作汇报`);
    expect(r.state).toBe('draft');
    expect(r.canEdit).toBe(true);
    expect(r.actions.map((a: any) => a.label)).toEqual(['提交']);
    expect(r.facts.membersTakingPart).toBe(2);
    expect(r.facts.events.map((e: any) => [e.title, e.participants])).toEqual([['民营经济发展专题座谈会', 2]]);
    expect(r.body).toContain('本月共开展活动1次，参加活动的委员共2人。');
    expect(r.body).toContain('民营经济发展专题座谈会（会议，委员参加2人）');
    expect(r.body).toContain('报送社情民意信息1篇：《关于降低小微企业融资成本的建议》。');
    expect(r.body).toContain('项目「助企纾困直通车」本月进展1条。');
    expect(r.body).toContain('走访高新区企业12家');
    const again = await special.post('/api/workspace/reports', { specialCommitteeId: econ, month });
    expect([again.status, again.body.error]).toEqual([409, 'workspace.report_exists']);
    const future = await special.post('/api/workspace/reports', { specialCommitteeId: econ, month: nextMonth });
    expect([future.status, future.body.field]).toEqual([400, 'month']);
    const notOurs = await agri.post('/api/workspace/reports', { specialCommitteeId: econ, month });
    expect([notOurs.status, notOurs.body.error]).toEqual([403, 'workspace.not_manager']);
  });

  it('is read by its own office and the chairs only', async () => {
    const reportId = await draftReport();
    expect((await agri.get(`/api/workspace/reports/${reportId}`)).status).toBe(403);
    expect((await member.get(`/api/workspace/reports/${reportId}`)).status).toBe(403);
    expect((await okBody(await member.get('/api/workspace/reports'))).items).toEqual([]);
    expect((await okBody(await agri.get('/api/workspace/reports'))).items).toEqual([]);
    expect((await okBody(await special.get('/api/workspace/reports'))).items.map((r: any) => r.id)).toEqual([reportId]);
    expect((await okBody(await leader.get('/api/workspace/reports'))).items.map((r: any) => r.id)).toEqual([reportId]);
    const lead = await okBody(await leader.get(`/api/workspace/reports/${reportId}`));
    expect([lead.canEdit, lead.actions]).toEqual([false, []]);
  });

  it('is edited, submitted, commented by a leader and exported to Word', async () => {
    const reportId = await draftReport();
    const edited = `一、本月开展的活动\n召开民营经济发展专题座谈会。\n\n四、下月工作打算\n开展年度调研。`;
    await okBody(await special.put(`/api/workspace/reports/${reportId}`, { body: edited }));
    expect((await leader.put(`/api/workspace/reports/${reportId}`, { body: '改' })).status).toBe(403);
    expect((await leader.post(`/api/workspace/reports/${reportId}/actions`, { action: 'submit' })).status).toBe(403);
    expect(
      await okBody(await special.post(`/api/workspace/reports/${reportId}/actions`, { action: 'submit' })),
    ).toEqual({
      state: 'submitted',
    });
    const late = await special.put(`/api/workspace/reports/${reportId}`, { body: '再改' });
    expect([late.status, late.body.error]).toEqual([409, 'workspace.report_not_draft']);
    expect((await todos(leader)).find((x) => x.key === 'workspaceReportsToRead')?.count).toBe(1);
    const note = await queryOne<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from notifications where kind = 'workspace.report_submitted' and link = ${`/workspace/reports/${reportId}`}`,
    );
    expect(note!.n).toBeGreaterThan(0);

    const bare = await leader.post(`/api/workspace/reports/${reportId}/actions`, { action: 'comment' });
    expect([bare.status, bare.body.error]).toEqual([400, 'workflow.comment_required']);
    await okBody(
      await leader.post(`/api/workspace/reports/${reportId}/actions`, {
        action: 'comment',
        comment: '调研要聚焦中小企业融资，形成高质量报告。',
      }),
    );
    const r = await okBody(await special.get(`/api/workspace/reports/${reportId}`));
    expect([r.state, r.stateLabel, r.body]).toEqual(['read', '已批阅', edited]);
    expect(r.timeline.map((x: any) => [x.label, x.comment])).toEqual([
      ['提交', null],
      ['批注', '调研要聚焦中小企业融资，形成高质量报告。'],
    ]);
    expect((await todos(leader)).find((x) => x.key === 'workspaceReportsToRead')).toBeUndefined();

    const doc = await special.get(`/api/workspace/reports/${reportId}/report.docx`);
    expect(doc.status).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(doc.raw)).file('word/document.xml')!.async('string');
    expect(xml).toContain(`经济委员会${monthLabel}工作汇报`);
    expect(xml).toContain('召开民营经济发展专题座谈会。');
    expect(xml).toContain('调研要聚焦中小企业融资，形成高质量报告。');
    expect((await agri.get(`/api/workspace/reports/${reportId}/report.docx`)).status).toBe(403);

    const audit = await query<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where entity = 'monthly_report' and entity_id = ${String(reportId)} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'workspace.report_create',
      'workspace.report_edit',
      'monthly-report.submit',
      'monthly-report.comment',
    ]);
  });

  it('reminds the office when last month’s report is due, by the due day setting', async () => {
    await submittedReport();
    setTestClock(`${nextMonth}-03T02:00:00Z`);
    const dueLabel = `${monthLabel}月汇报待提交（5日前）`;
    expect((await todos(agri)).map((x) => x.label)).toContain(dueLabel);
    // 经济委员会 has submitted that month's report: nothing due
    expect((await todos(special)).some((x) => x.key.startsWith('workspaceReportDue'))).toBe(false);

    setTestClock(`${nextMonth}-06T02:00:00Z`);
    expect((await todos(agri)).map((x) => x.label)).toContain(`${monthLabel}月汇报已逾期`);
    expect((await todos(office)).some((x) => x.key.startsWith('workspace'))).toBe(false);

    await okBody(
      await office.put('/api/workspace/settings', { reportDueDay: 5, bySpecialCommittee: { [String(agriId)]: 10 } }),
    );
    expect((await todos(agri)).map((x) => x.label)).toContain(`${monthLabel}月汇报待提交（10日前）`);
    expect((await special.put('/api/workspace/settings', { reportDueDay: 3, bySpecialCommittee: {} })).status).toBe(
      403,
    );
  });
});
