// Hotline cases (12345) through the routes: the template, a preview naming bad rows and columns in Chinese, an import
// that is idempotent by case number (twice changes nothing, one audit row; a changed status updates the case), a CSV
// export, a planted recurring matter found in its month, taking it up as a room topic (每月一题) with its cases linked,
// an agreed item recording the case it resolves, the year figures, phones masked for all but staff, who may do what.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { query, queryOne } from '../../platform/db/client.ts';
import { demoHotlineCsv, seedDemoHotline } from '../../seed/demo-hotline.ts';
import { sharedFixture } from '../../test/fixtures.ts';
import { login, okBody, testAppForFile } from '../../test/harness.ts';
import { inDays } from '../consultations/test-helpers.ts';

const t = testAppForFile({
  office: 'office_staff',
  convener: 'member030',
  member: 'member031',
  unit: 'unit01',
  county: 'county_office_staff',
});

const HEADERS = ['工单编号', '受理日期', '区域/街道', '类别', '诉求内容', '办理状态'];
const MONTH = '2025-07';
// Four ways of telling the same matter (the market's stalls on the road), among unrelated cases of the month.
const MARKET = [
  [
    'T2507001',
    '2025-07-02',
    '城关街道',
    '市容环境',
    '东门菜市场周边流动摊贩占道经营，早上车辆无法通行，请求整治。',
    '已办结',
  ],
  [
    'T2507004',
    '2025-07-09',
    '城关街道',
    '市容环境',
    '东门菜市场门口摊贩占道经营，垃圾遍地，来电人13812345678。',
    '办理中',
  ],
  [
    'T2507007',
    '2025-07-15 08:30:00',
    '城关街道',
    '市容环境',
    '反映东门菜市场外占道经营严重，行人只能走机动车道。',
    '已办结',
  ],
  ['T2507009', '2025-07-21', '城关街道', '交通管理', '东门菜市场周边占道经营、乱停车，早高峰拥堵。', '办理中'],
];
const OTHER = [
  ['T2507002', '2025-07-03', '城关街道', '住房保障', '幸福小区3栋楼顶漏水，物业不予维修。', '已办结'],
  ['T2507003', '2025-07-05', '新城镇', '教育', '新城镇中心小学放学时段校门口缺少交通协管。', '已办结'],
  ['T2507005', '2025-07-11', '新城镇', '市容环境', '新城镇农贸市场周边占道经营。', '已办结'],
  ['T2507006', '2025-07-12', '城关街道', '供水', '西门社区夜间停水未提前通知。', '已办结'],
];

async function workbook(rows: (string | Date)[][], headers = HEADERS) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HOTLINE_IMPORTS = '/api/grassroots/hotline/imports';

// Cases of August 2025 that no test stores (uploads refused or only previewed): 2025-08 stays empty.
const AUGUST = [
  ['T2508001', '2025-08-04', '城关街道', '市容环境', '东门菜市场周边流动摊贩占道经营，请求整治。', '办理中'],
  ['T2508002', '2025-08-06', '新城镇', '供水', '新城镇东街夜间停水。', '办理中'],
];
const stored = (caseNos: string[]) =>
  query(t.database.db, sql`select 1 from hotline_cases where case_no in (${sql.join(caseNos, sql`, `)})`);

/** The import audit rows of the imports `ids` (the apply of an unchanged file writes none). */
const importAudits = async (ids: number[]) =>
  (
    await queryOne<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'grassroots.hotline.import'
        and entity_id in (${sql.join(ids.map(String), sql`, `)})`,
    )
  )?.n;

const julyCases = () =>
  query(t.database.db, sql`select * from hotline_cases where case_no like 'T2507%' order by case_no`);

/**
 * July's cases imported (made once per file: a case number is stored once): the xlsx of MARKET and OTHER previewed,
 * applied, applied again, previewed and applied a second time, then the hotline system's CSV a week later (one case
 * finished, one new). Returns each answer, July's cases after the first and the second import, and the import audit
 * rows after the second and the third.
 */
const july = sharedFixture(async () => {
  const file = await workbook([...MARKET, ...OTHER]);
  const first = (await t.office.upload(HOTLINE_IMPORTS, '七月工单.xlsx', file)).body;
  const firstApply = await t.office.post(`/api/grassroots/hotline/imports/${first.id}/apply`);
  const again = await t.office.post(`/api/grassroots/hotline/imports/${first.id}/apply`);
  const before = await julyCases();
  const second = (await t.office.upload(HOTLINE_IMPORTS, '七月工单.xlsx', file)).body;
  const secondApply = await t.office.post(`/api/grassroots/hotline/imports/${second.id}/apply`);
  const after = await julyCases();
  const auditsAfterSecond = await importAudits([first.id, second.id]);
  const csv = [
    HEADERS.join(','),
    'T2507004,2025-07-09,城关街道,市容环境,"东门菜市场门口摊贩占道经营，垃圾遍地，来电人13812345678。",已办结',
    'T2507010,2025/7/28,城关街道,市容环境,"东门菜市场附近摊贩占道经营, 请求加强管理",办理中',
  ].join('\r\n');
  const third = (await t.office.upload(HOTLINE_IMPORTS, '七月工单补充.csv', Buffer.from(`\uFEFF${csv}`))).body;
  const thirdApply = await t.office.post(`/api/grassroots/hotline/imports/${third.id}/apply`);
  const auditsAfterThird = await importAudits([first.id, second.id, third.id]);
  return {
    first,
    firstApply,
    again,
    before,
    second,
    secondApply,
    after,
    auditsAfterSecond,
    third,
    thirdApply,
    auditsAfterThird,
  };
});

/** 城关街道东门协商议事室, convened by member030 (made once: a room's name is unique): its id. */
const room = sharedFixture(async () => {
  const convenerId = (await queryOne<{ member_id: number }>(
    t.database.db,
    sql`select member_id from accounts where username = 'member030'`,
  ))!.member_id;
  return (
    await okBody(
      await t.office.post('/api/grassroots/rooms', {
        name: '城关街道东门协商议事室',
        township: '城关街道',
        village: '东门社区',
        firstConvener: '王书记',
        execConvenerMemberId: convenerId,
      }),
    )
  ).id as number;
});

const MATTER_CASES = ['T2507001', 'T2507004', 'T2507007', 'T2507009', 'T2507010'];
/** The request taking July's market matter up as a topic of `room` (the room made if not yet): its body. */
const takeUpBody = async () => ({ roomId: await room(), title: '东门菜市场周边占道经营问题', caseNos: MATTER_CASES });
/** The market matter taken up as `room`'s topic (made once, after `july`): the topic id. */
const topic = sharedFixture(async () => {
  await july();
  return (await okBody(await t.convener.post('/api/grassroots/hotline/take-up', await takeUpBody()))).id as number;
});

describe('hotline cases', () => {
  it('staff download the template; only staff import', async () => {
    const tpl = await t.office.get('/api/grassroots/hotline/template');
    expect(tpl.status).toBe(200);
    expect(String(tpl.headers['content-disposition'])).toContain(encodeURIComponent('热线工单导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.raw as any);
    expect((wb.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(HEADERS);
    expect((await t.member.get('/api/grassroots/hotline/template')).status).toBe(403);
    const refused = await t.member.upload(HOTLINE_IMPORTS, '工单.xlsx', await workbook(AUGUST));
    expect(refused.status).toBe(403);
    expect((await stored(AUGUST.map((r) => r[0]))).length).toBe(0);
  });

  it('the preview names each bad row and column in Chinese; nothing is stored until imported', async () => {
    const bad = await t.office.upload(
      HOTLINE_IMPORTS,
      '七月工单.xlsx',
      await workbook([
        AUGUST[0],
        ['T2508099', '2025-13-45', '城关街道', '', '路灯不亮', ''],
        ['T2508098', '2025-08-01', '', '', '', ''],
        AUGUST[0],
      ]),
    );
    expect(bad.status, JSON.stringify(bad.body)).toBe(200);
    const p = bad.body;
    expect(p).toMatchObject({ total: 4, valid: 1, added: 1, updated: 0, unchanged: 0 });
    expect(p.errors).toEqual([
      { row: 3, column: '受理日期', message: '第 3 行「受理日期」：读到 "2025-13-45"，不是有效日期（如 2026-03-05）' },
      { row: 4, column: '区域/街道', message: '第 4 行「区域/街道」不能为空' },
      { row: 4, column: '诉求内容', message: '第 4 行「诉求内容」不能为空' },
      { row: 5, column: '工单编号', message: '第 5 行「工单编号」：与第 2 行的工单编号重复' },
    ]);
    const noColumn = await t.office.upload(HOTLINE_IMPORTS, '工单.xlsx', await workbook([['x']], ['编号', '日期']));
    expect([noColumn.status, noColumn.body.message]).toEqual([
      400,
      '缺少必需的列：「受理日期」、「区域/街道」、「诉求内容」（请使用导入模板）',
    ]);
    const word = await t.office.upload(HOTLINE_IMPORTS, '工单.docx', Buffer.from('x'));
    expect(word.body.message).toBe('请上传 .xlsx 或 .csv 格式的工单文件（可先下载模板）');
    expect((await stored([AUGUST[0][0], 'T2508099', 'T2508098'])).length).toBe(0);
  });

  it('imports the good rows; importing the same file again changes nothing; a changed status updates the case', async () => {
    const { first, firstApply, again, before, second, secondApply, after, third, thirdApply, ...audits } = await july();
    expect(first).toMatchObject({ total: 8, valid: 8, added: 8, errors: [] });
    expect(okBody(firstApply)).toEqual({
      added: 8,
      updated: 0,
      unchanged: 0,
    });
    expect([again.status, again.body.message]).toEqual([409, '该文件已经导入过了']);
    expect(before.map((c: any) => c.received_on instanceof Date || typeof c.received_on).length).toBe(8);

    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: 8 });
    expect(okBody(secondApply)).toEqual({
      added: 0,
      updated: 0,
      unchanged: 8,
    });
    expect(after).toEqual(before);
    expect(audits.auditsAfterSecond).toBe(1);

    // The hotline system's CSV (quoted text with a comma), a week later: one case finished, one new.
    expect(third).toMatchObject({ total: 2, valid: 2, added: 1, updated: 1, unchanged: 0 });
    okBody(thirdApply);
    const changed = await queryOne<{ status: string }>(
      t.database.db,
      sql`select status from hotline_cases where case_no = 'T2507004'`,
    );
    expect(changed?.status).toBe('已办结');
    expect(audits.auditsAfterThird).toBe(2);
    expect((await okBody(await t.county.get('/api/grassroots/hotline/cases'))).total).toBe(0);
  });

  it('finds the planted recurring matter of the month; phones are masked for all but staff', async () => {
    await july();
    const m = await okBody(await t.member.get(`/api/grassroots/hotline/matters?month=${MONTH}`));
    expect(m.cases).toBe(9);
    const top = m.matters[0];
    expect(top).toMatchObject({ area: '城关街道', category: '市容环境', count: 5, takenUp: 0 });
    expect(top.caseNos.sort()).toEqual(['T2507001', 'T2507004', 'T2507007', 'T2507009', 'T2507010']);
    // Another area's market is another matter, and unrelated cases are none.
    expect(m.matters.flatMap((x: any) => x.caseNos)).not.toContain('T2507005');
    expect(m.matters.flatMap((x: any) => x.caseNos)).not.toContain('T2507002');
    const shown = top.cases.find((c: any) => c.caseNo === 'T2507004');
    expect(shown.content).toContain('138****5678');
    expect(shown.content).not.toContain('13812345678');
    const staffView = await okBody(await t.office.get(`/api/grassroots/hotline/cases?month=${MONTH}&q=T2507004`));
    expect(staffView.items[0].content).toContain('13812345678');
    const empty = await okBody(await t.office.get('/api/grassroots/hotline/matters?month=2025-08'));
    expect(empty).toEqual({ month: '2025-08', cases: 0, matters: [] });
    expect((await t.office.get('/api/grassroots/hotline/matters?month=2025-7')).status).toBe(400);
  });

  it('a room takes the matter up as its topic (每月一题) with the cases linked; a member who does not convene may not', async () => {
    await july();
    const roomId = await room();
    const caseNos = MATTER_CASES;
    const body = await takeUpBody();
    expect((await t.member.post('/api/grassroots/hotline/take-up', body)).status).toBe(403);
    const missing = await t.office.post('/api/grassroots/hotline/take-up', { ...body, caseNos: ['NOPE'] });
    expect([missing.status, missing.body.message]).toEqual([400, '工单编号不存在：NOPE']);
    const topicId = await topic();
    const topics = await okBody(await t.convener.get(`/api/grassroots/topics?roomId=${roomId}&source=hotline`));
    expect(topics.items.map((x: any) => [x.title, x.sourceLabel, x.stateLabel])).toEqual([
      ['东门菜市场周边占道经营问题', expect.any(String), '已受理'],
    ]);
    const linked = await okBody(await t.office.get(`/api/grassroots/hotline/cases?topicId=${topicId}`));
    expect(linked.items.map((c: any) => [c.caseNo, c.markLabel, c.roomName]).sort()).toEqual(
      caseNos.map((n) => [n, '已立题', '城关街道东门协商议事室']),
    );
    const twice = await t.office.post('/api/grassroots/hotline/take-up', { ...body, caseNos: ['T2507001'] });
    expect([twice.status, twice.body.message]).toEqual([409, '工单 T2507001 已立为议题，不能重复立题']);
    const m = await okBody(await t.office.get(`/api/grassroots/hotline/matters?month=${MONTH}`));
    expect(m.matters[0]).toMatchObject({ count: 5, takenUp: 5 });
    const audit = await queryOne<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'grassroots.hotline.take_up' and entity_id = ${String(topicId)}`,
    );
    expect(audit?.n).toBe(1);
  });

  it("a room's agreed item records the cases it resolves; the case list and the year's figures show them", async () => {
    const [roomId, topicId] = [await room(), await topic()];
    const unitId = (await queryOne<{ unit_id: number }>(
      t.database.db,
      sql`select unit_id from accounts where username = 'unit01'`,
    ))!.unit_id;
    const s = await okBody(
      await t.office.post(`/api/grassroots/rooms/${roomId}/sessions`, {
        title: '东门菜市场占道经营议事会',
        form: 'offline',
        startsAt: inDays(-1, 9),
        endsAt: inDays(-1, 11),
        place: '东门社区议事厅',
        topicIds: [topicId],
      }),
    );
    for (const action of ['sendNotice', 'hold'])
      await okBody(await t.office.post(`/api/consultations/events/${s.eventId}/actions`, { action }));
    const item = await okBody(
      await t.office.post(`/api/grassroots/sessions/${s.id}/items`, {
        content: '菜市场东侧划定临时疏导点',
        topicId,
        unitId,
      }),
    );
    expect(
      (await t.member.post(`/api/grassroots/items/${item.id}/hotline-cases`, { caseNos: ['T2507001'] })).status,
    ).toBe(403);
    await okBody(
      await t.convener.post(`/api/grassroots/items/${item.id}/hotline-cases`, { caseNos: ['T2507001', 'T2507004'] }),
    );
    await okBody(await t.unit.post(`/api/grassroots/items/${item.id}/feedback`, { feedback: '已设置临时疏导点' }));
    await okBody(await t.office.post(`/api/grassroots/items/${item.id}/resolve`, {}));
    const resolved = await okBody(await t.office.get(`/api/grassroots/hotline/cases?mark=resolved`));
    expect(resolved.items.map((c: any) => [c.caseNo, c.markLabel]).sort()).toEqual([
      ['T2507001', '已解决'],
      ['T2507004', '已解决'],
    ]);
    const open = await okBody(await t.office.get(`/api/grassroots/hotline/cases?month=${MONTH}&mark=open`));
    expect(open.total).toBe(4);

    const leader = await login(t.app, 'leader');
    const f = await okBody(
      await leader.get(
        '/api/figures?period=2025&ids=grassroots.hotlineCases,grassroots.hotlineTakenUp,grassroots.hotlineResolved',
      ),
    );
    const v = Object.fromEntries(f.items.map((x: any) => [x.id, x.value]));
    expect(v['grassroots.hotlineCases']).toBe(9);
    // The matter was taken up and resolved now, not in 2025: counted in this year's figures.
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const now = await okBody(
      await leader.get(`/api/figures?period=${year}&ids=grassroots.hotlineTakenUp,grassroots.hotlineResolved`),
    );
    expect(Object.fromEntries(now.items.map((x: any) => [x.id, x.value]))).toEqual({
      'grassroots.hotlineTakenUp': 1,
      'grassroots.hotlineResolved': 2,
    });
  });
});

describe("the demo's hotline year", () => {
  it('imports the year so far, finds the recurring matters of each month and takes last month’s top one up', async () => {
    const csv = demoHotlineCsv('2026-11-30');
    expect(csv.split('\r\n').length - 1).toBeGreaterThan(150);
    await seedDemoHotline((u) => login(t.app, u));
    const year = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4);
    const all = await okBody(await t.office.get(`/api/grassroots/hotline/cases?q=${year}12345&pageSize=1`));
    expect(all.total).toBe(demoHotlineCsv().split('\r\n').length - 1);
    // Every month the four recurring matters, each one group however the callers worded it; one-offs none.
    const months = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(5, 7));
    for (let i = 1; i <= months; i++) {
      const month = `${year}-${String(i).padStart(2, '0')}`;
      const m = await okBody(await t.office.get(`/api/grassroots/hotline/matters?month=${month}`));
      expect(m.matters.map((x: any) => x.area).sort(), month).toEqual(['城关街道', '城南街道', '新城镇', '滨江街道']);
      // Last month's top matter was taken up (in January, this month's).
      const taken = m.matters.filter((x: any) => x.takenUp).map((x: any) => [x.takenUp, x.count]);
      expect(taken, month).toEqual(i === Math.max(1, months - 1) ? [[m.matters[0].count, m.matters[0].count]] : []);
    }
  });
});
