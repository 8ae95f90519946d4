// An event's Word documents (会议通知, 议程, 会议纪要) opened and read as a reader would, and the Excel of the events
// and topic-suggestion lists read back: filters honoured, formula-like text quoted, staff only.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../platform/db/client.ts';
import { type Client, login, okBody, testAppForFile } from '../../test/harness.ts';
import { memberIdsOf } from '../../test/queries.ts';
import { docxText } from '../opinions/test-helpers.ts';
import { eventAction, eventBody, inDays, openPlan, publishedPlan } from './test-helpers.ts';

const t = testAppForFile({ office: 'office_staff', leader: 'leader', member: 'member010' });
let m1: number;
let m2: number;

beforeAll(async () => {
  [m1, m2] = await memberIdsOf(t.database.db, ['member010', 'member011']);
});

const rowsOf = async (raw: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as any);
  const ws = wb.worksheets[0];
  return ws
    .getSheetValues()
    .slice(1)
    .map((r: any) => (r as unknown[]).slice(1));
};

/**
 * A thematic event on a published plan of `year` (office: the staff client, leader: the approving chair), with members
 * m1 and m2 and one official guest as participants and its notice sent: the event's id.
 */
async function noticedEvent(office: Client, leader: Client, year: number): Promise<number> {
  const { itemId } = await publishedPlan(office, leader, year);
  const id = (
    await okBody(
      await office.post(
        '/api/consultations/events',
        // Briefing, speeches and answers: no questions part.
        eventBody({ planItemId: itemId, agenda: eventBody().agenda.filter((p) => p.part !== 'question') }),
      ),
    )
  ).id as number;
  await okBody(
    await office.post(`/api/consultations/events/${id}/participants`, {
      rule: 'members',
      memberIds: [m1, m2],
      guests: [{ kind: 'official', name: '李局长', organisation: '市住房和城乡建设局' }],
    }),
  );
  await okBody(await eventAction(office, id, 'sendNotice'));
  return id;
}

/** noticedEvent of `year`, then a speech by member010 selected first with five minutes: the event's id. */
async function eventWithSpeech(year: number): Promise<number> {
  const id = await noticedEvent(t.office, t.leader, year);
  const s = await okBody(
    await t.member.post(`/api/consultations/events/${id}/speeches`, {
      title: '以“微更新”激活老旧街区',
      body: '建议……',
    }),
  );
  await okBody(
    await t.office.post(`/api/consultations/speeches/${s.id}/decision`, {
      action: 'select',
      position: 1,
      minutesAllowed: 5,
    }),
  );
  return id;
}

describe('an event in Word: notice, agenda and minutes', () => {
  it('the notice: title, time, place, topic, participants by kind, requirements, issuing office and date', async () => {
    const id = await noticedEvent(t.office, t.leader, 2041);
    const res = await t.office.get(`/api/consultations/events/${id}/notice.docx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      '推进城市更新专题协商会会议通知.docx',
    );
    const text = docxText(res.raw);
    const names = (
      await query<{ name: string }>(t.database.db, sql`select name from members where id in (${m1}, ${m2}) order by id`)
    ).map((r) => r.name);
    for (const s of [
      '关于召开推进城市更新专题协商会的通知',
      '各有关委员、有关单位：',
      '市政协三楼会议室',
      '09:00—12:00',
      '推进城市更新与老旧小区改造（对口部门：市住房和城乡建设局）',
      `政协委员：${names.join('、')}`,
      '政府部门负责同志：李局长（市住房和城乡建设局）',
      '五、有关要求',
      '前提交发言稿',
      '办公室',
    ])
      expect(text).toContain(s);
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日$/);
  });

  it('the agenda lists its parts in order with the selected speeches under 委员发言', async () => {
    const id = await eventWithSpeech(2043);
    const text = docxText((await t.office.get(`/api/consultations/events/${id}/agenda.docx`)).raw);
    expect(text).toContain('推进城市更新专题协商会议程');
    const order = [
      '一、通报：市住建局通报城市更新工作情况（市住建局局长，15分钟）',
      '二、发言：委员发言（40分钟）',
      '1. ',
      '以“微更新”激活老旧街区（5分钟）',
      '三、回应：部门回应（20分钟）',
    ].map((x) => text.indexOf(x));
    expect(order.every((n) => n >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('the minutes: refused before they are recorded; then attendance, speeches, minutes and agreed points', async () => {
    const id = await eventWithSpeech(2044);
    const early = await t.office.get(`/api/consultations/events/${id}/minutes.docx`);
    expect([early.status, early.body.message]).toEqual([409, '会议尚未形成纪要，不能导出会议纪要']);
    await okBody(await eventAction(t.office, id, 'hold'));
    const e = await okBody(await t.office.get(`/api/consultations/events/${id}`));
    await okBody(
      await t.office.post(`/api/consultations/speeches/${e.speeches[0].id}/decision`, { action: 'deliver' }),
    );
    await okBody(
      await eventAction(t.office, id, 'recordMinutes', {
        minutes: '会议听取了市住建局的情况通报。\n委员们围绕城市更新提出意见建议。',
        agreedPoints: '一、由市住建局牵头制定微更新实施办法。\n二、专委会形成协商成果报送市委市政府。',
      }),
    );
    expect((await okBody(await t.office.get(`/api/consultations/events/${id}`))).agreedPoints).toContain(
      '微更新实施办法',
    );
    const text = docxText((await t.office.get(`/api/consultations/events/${id}/minutes.docx`)).raw);
    for (const s of [
      '会议纪要',
      '推进城市更新专题协商会纪要',
      '围绕“推进城市更新与老旧小区改造”开展协商',
      '一、出席人员',
      '政府部门负责同志：李局长（市住房和城乡建设局）',
      '二、会议发言',
      '以“微更新”激活老旧街区',
      '三、会议纪要',
      '委员们围绕城市更新提出意见建议。',
      '四、议定事项',
      '二、专委会形成协商成果报送市委市政府。',
    ])
      expect(text).toContain(s);
  });

  it('only staff download them; another committee does not find the event', async () => {
    const id = await noticedEvent(t.office, t.leader, 2045);
    expect((await t.member.get(`/api/consultations/events/${id}/notice.docx`)).status).toBe(403);
    const county = await login(t.app, 'county_office_staff');
    expect((await county.get(`/api/consultations/events/${id}/agenda.docx`)).status).toBe(404);
  });
});

// The Excel tests count the rows of all events, so they have a database of their own with one noticed event.
describe('Excel of the lists', () => {
  const x = testAppForFile({ office: 'office_staff', leader: 'leader', member: 'member010' });

  it('events with the list filters: category and kind', async () => {
    await noticedEvent(x.office, x.leader, 2041);
    const base = { startsAt: inDays(40, 9), endsAt: inDays(40, 11), place: '会议室' };
    await okBody(
      await x.office.post('/api/consultations/events', {
        ...base,
        kind: 'inspection',
        title: '=大气污染防治视察',
        supervisedBody: '市生态环境局',
        supervisionForm: 'inspection',
      }),
    );
    const all = await x.office.get('/api/consultations/events.xlsx');
    expect(all.status).toBe(200);
    const rows = await rowsOf(all.raw);
    expect(rows[0]).toEqual(expect.arrayContaining(['编号', '类别', '协商类型', '活动名称', '状态', '参加人数']));
    expect(rows.length).toBe(3);
    const sup = await rowsOf((await x.office.get('/api/consultations/events.xlsx?category=supervision')).raw);
    expect(sup.length).toBe(2);
    // A title a spreadsheet would run as a formula is only shown.
    expect(sup[1].slice(1, 5)).toEqual(['民主监督', '监督性视察', "'=大气污染防治视察", '筹备中']);
    const thematic = await rowsOf((await x.office.get('/api/consultations/events.xlsx?kind=thematic')).raw);
    expect(thematic.slice(1).map((r) => [r[3], r[8]])).toEqual([['推进城市更新专题协商会', 3]]);
    expect((await x.member.get('/api/consultations/events.xlsx')).status).toBe(403);
  });

  it('topic suggestions with their answer state', async () => {
    const planId = await openPlan(x.office, 2042);
    await okBody(
      await x.member.post(`/api/consultations/plans/${planId}/topics`, {
        title: '关于加快养老服务体系建设的建议',
        reason: '+人口老龄化加快，社区养老服务供给不足。',
      }),
    );
    const res = await x.office.get(`/api/consultations/topics.xlsx?planId=${planId}`);
    expect(res.status).toBe(200);
    const rows = await rowsOf(res.raw);
    expect(rows.length).toBe(2);
    const head = rows[0] as string[];
    const row = rows[1];
    expect(row[head.indexOf('议题')]).toBe('关于加快养老服务体系建设的建议');
    expect(row[head.indexOf('理由')]).toBe("'+人口老龄化加快，社区养老服务供给不足。");
    expect(row[head.indexOf('状态')]).toBe('待答复');
    expect(row[head.indexOf('年度')]).toBe(2042);
    expect((await x.office.get('/api/consultations/topics.xlsx?state=taken&planId=' + planId)).status).toBe(200);
    expect((await x.member.get('/api/consultations/topics.xlsx')).status).toBe(403);
  });
});
