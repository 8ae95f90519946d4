// 正负面清单: staff maintain the lists (validation in Chinese, audit, permission, other committee 404), the lists
// become rule items of the year, an occurrence is a duty fact that changes the score, the member sees a deduction
// with its evidence; revoking it restores the score; Excel export.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { query, queryOne } from '../../platform/db/client.ts';
import { login, okBody, testAppForFile } from '../../test/harness.ts';
import { PRESETS } from './rule-presets.ts';
import { thisYear } from './service.ts';
import { conductItems, conductRecord } from './test-helpers.ts';

const t = testAppForFile({ admin: 'admin', office: 'office_staff', member: 'member031', county: 'county_admin' });
const year = thisYear();
const today = `${year}-01-15`;
const db = () => t.database.db;
// Each test has a year of its own, so the lists, rule items and Excel rows it reads are only the ones it made. The
// occurrence test keeps this year: the member's page shows this year by default.
const years = {
  create: year + 1,
  rules: year + 2,
  occurrence: year,
  revoke: year - 1,
  retire: year - 2,
  excel: year - 3,
};

beforeAll(async () => {
  await t.admin.put('/api/duty/rules', { year, rules: PRESETS.base120.rules });
});

describe('正负面清单', () => {
  it('staff add items; bad input is refused in Chinese; members may not edit', async () => {
    const year = years.create;
    const bad = await t.office.post('/api/duty/lists/items', { year, polarity: 'negative', title: '', points: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('事项');
    const badPoints = await t.office.post('/api/duty/lists/items', {
      year,
      polarity: 'negative',
      title: '无故缺席专委会活动',
      points: 1.234,
    });
    expect(badPoints.body.message).toBe('「分值」最多保留两位小数');
    expect(
      (await t.member.post('/api/duty/lists/items', { year, polarity: 'positive', title: 'x', points: 1 })).status,
    ).toBe(403);
    const n = await t.office.post('/api/duty/lists/items', {
      year,
      polarity: 'negative',
      title: '无故缺席专委会活动',
      evidenceRequired: '活动签到表',
      points: 3,
    });
    expect(n.status).toBe(200);
    const negative = n.body.id;
    const p = await t.office.post('/api/duty/lists/items', {
      year,
      polarity: 'positive',
      title: '提案获领导批示',
      evidenceRequired: '批示件复印件',
      points: 5,
    });
    const positive = p.body.id;
    const audit = await query<{ action: string }>(
      db(),
      sql`select action from audit_log where entity = 'dutyConductItem'
        and entity_id in (${String(negative)}, ${String(positive)}) order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['duty.list.create', 'duty.list.create']);
  });

  it('the items are rule items of the year, kept when the rule editor saves without them', async () => {
    const year = years.rules;
    await conductItems(t.office, year);
    const rules = (await t.admin.get(`/api/duty/rules?year=${year}`)).body.current.rules;
    const mine = rules.items.filter((i: any) => i.kinds[0].startsWith('conduct.'));
    expect(mine.map((i: any) => [i.label, i.points])).toEqual([
      ['正面清单：提案获领导批示', 5],
      ['负面清单：无故缺席专委会活动', -3],
    ]);
    const edited = { ...rules, items: rules.items.filter((i: any) => !i.kinds[0].startsWith('conduct.')) };
    expect((await t.admin.put('/api/duty/rules', { year, rules: edited })).status).toBe(200);
    const again = (await t.admin.get(`/api/duty/rules?year=${year}`)).body.current.rules;
    expect(again.items.filter((i: any) => i.kinds[0].startsWith('conduct.'))).toHaveLength(2);
  });

  it('an occurrence deducts from the member, who sees it with its evidence', async () => {
    const { negative } = await conductItems(t.office, years.occurrence);
    const before = (await t.member.get('/api/duty/me')).body.explanation.total;
    const memberId = t.member.me.account.memberId;
    const future = await t.office.post(`/api/duty/lists/items/${negative}/records`, {
      memberId,
      occurredOn: `${year + 1}-01-01`,
      evidence: '未请假',
    });
    expect(future.status).toBe(400);
    const res = await t.office.post(`/api/duty/lists/items/${negative}/records`, {
      memberId,
      occurredOn: today,
      evidence: '1 月 15 日专委会调研未请假缺席（签到表）',
    });
    expect(res.status).toBe(200);
    const me = (await t.member.get('/api/duty/me')).body.explanation;
    expect(me.total).toBe(before - 3);
    const line = me.lines.find((l: any) => l.kind === 'conduct.negative');
    expect(line).toMatchObject({ rule: '负面清单：无故缺席专委会活动', points: -3, title: '无故缺席专委会活动' });
    expect(line.detailText).toBe('事实与依据：1 月 15 日专委会调研未请假缺席（签到表）');
    const mine = await t.member.get(`/api/duty/lists/records?year=${year}`);
    expect(mine.body.items.map((r: any) => [r.itemTitle, r.evidence])).toEqual([
      ['无故缺席专委会活动', '1 月 15 日专委会调研未请假缺席（签到表）'],
    ]);
    const other = await login(t.app, 'member032');
    expect((await other.get(`/api/duty/lists/records?year=${year}`)).body.items).toEqual([]);
    const lists = await t.member.get(`/api/duty/lists?year=${year}`);
    expect(lists.body.items.map((i: any) => [i.title, i.evidenceRequired, i.occurrences])).toEqual([
      ['提案获领导批示', '批示件复印件', 0],
      ['无故缺席专委会活动', '活动签到表', 1],
    ]);
  });

  it('editing points re-scores; revoking the occurrence restores the score', async () => {
    const year = years.revoke;
    const me = `/api/duty/me?year=${year}`;
    const { negative } = await conductItems(t.office, year);
    const recordId = await conductRecord(t.office, negative, t.member.me.account.memberId, year);
    const before = (await t.member.get(me)).body.explanation.total;
    const edit = await t.office.put(`/api/duty/lists/items/${negative}`, {
      title: '无故缺席专委会活动',
      evidenceRequired: '活动签到表',
      points: 4,
    });
    expect(edit.status).toBe(200);
    expect((await t.member.get(me)).body.explanation.total).toBe(before - 1);
    await t.office.post(`/api/duty/lists/records/${recordId}/revoke`, { reason: '补交请假条' });
    expect((await t.member.get(me)).body.explanation.total).toBe(before + 3);
    const fact = await queryOne<{ n: number }>(
      db(),
      sql`select count(*)::int as n from duty_facts where source_type = 'dutyConductRecord' and source_id = ${recordId}
        and revoked_at is null`,
    );
    expect(fact!.n).toBe(0);
  });

  it('a retired item takes no new occurrences; another committee sees nothing of it', async () => {
    const year = years.retire;
    const { positive, negative } = await conductItems(t.office, year);
    expect((await t.office.post(`/api/duty/lists/items/${positive}/retire`, {})).status).toBe(200);
    const res = await t.office.post(`/api/duty/lists/items/${positive}/records`, {
      memberId: t.member.me.account.memberId,
      occurredOn: today,
      evidence: '批示',
    });
    expect(res.body.message).toBe('该清单事项已停用，不能再登记');
    expect((await t.county.get(`/api/duty/lists?year=${year}`)).body.items).toEqual([]);
    const put = await t.county.put(`/api/duty/lists/items/${negative}`, { title: 'x', points: 1 });
    expect(put.status).toBe(404);
  });

  it('exports the lists to Excel', async () => {
    const year = years.excel;
    const { positive, negative } = await conductItems(t.office, year);
    const kept = { title: '无故缺席专委会活动', evidenceRequired: '活动签到表', points: 4 };
    okBody(await t.office.put(`/api/duty/lists/items/${negative}`, kept));
    okBody(await t.office.post(`/api/duty/lists/items/${positive}/retire`, {}));
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/duty/lists/export?year=${year}`,
      headers: { cookie: t.office.cookie },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const rows = wb.worksheets[0].getSheetValues().slice(2) as any[];
    expect(rows.map((r) => [r[1], r[2], r[3], r[5]])).toEqual([
      ['正面清单', '提案获领导批示', 5, '已停用'],
      ['负面清单', '无故缺席专委会活动', -4, '在用'],
    ]);
  });
});
