// Yearly commitments (承诺践诺) through the routes: staff set the year's list; a member picks items and writes their
// own until the set day (the limit per member is a setting); reports kept / not kept from the set day; staff see all
// and export Excel; other members see nothing of it.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { setTestClock } from '../../platform/dates.ts';
import { okBody, testAppForFile } from '../../test/harness.ts';

const t = testAppForFile({ office: 'office_staff', m1: 'member070', m2: 'member071' });

afterEach(() => setTestClock(null));

describe('commitments', () => {
  it('runs a year: list, picks and own text, the year-end report, staff list and Excel', async () => {
    setTestClock('2027-01-05T02:00:00Z');
    expect((await t.m1.post('/api/commitments/items', { year: 2027, title: 'x' })).status).toBe(403);
    const { id: itemA } = await okBody(
      await t.office.post('/api/commitments/items', { year: 2027, title: '每年至少提交一件提案' }),
    );
    await okBody(await t.office.post('/api/commitments/items', { year: 2027, title: '每季度联系界别群众一次' }));
    const items = await okBody(await t.m1.get('/api/commitments/items?year=2027'));
    expect(items.items.map((i: any) => i.title)).toEqual(['每年至少提交一件提案', '每季度联系界别群众一次']);

    const { id: c1 } = await okBody(await t.m1.post('/api/commitments', { year: 2027, itemId: itemA }));
    const dup = await t.m1.post('/api/commitments', { year: 2027, itemId: itemA });
    expect([dup.status, dup.body.message]).toEqual([409, '已承诺过该事项']);
    const empty = await t.m1.post('/api/commitments', { year: 2027, text: '  ' });
    expect([empty.status, empty.body.field]).toEqual([400, 'text']);
    const { id: c2 } = await okBody(await t.m1.post('/api/commitments', { year: 2027, text: '为社区老人办一件实事' }));

    // The limit is the committee's setting.
    expect(
      (
        await t.m1.put('/api/commitments/settings?year=2027', {
          maxPerMember: 2,
          pickUntil: '03-31',
          reportFrom: '11-01',
        })
      ).status,
    ).toBe(403);
    await okBody(
      await t.office.put('/api/commitments/settings?year=2027', {
        maxPerMember: 2,
        pickUntil: '03-31',
        reportFrom: '11-01',
      }),
    );
    const over = await t.m1.post('/api/commitments', { year: 2027, text: '第三项承诺' });
    expect([over.status, over.body.message]).toEqual([409, '每年最多作出 2 项承诺']);
    const mine = await okBody(await t.m1.get('/api/commitments/mine?year=2027'));
    expect(mine).toMatchObject({ canPick: true, canReport: false, pickUntil: '2027-03-31', reportFrom: '2027-11-01' });
    expect(mine.items.map((c: any) => [c.text, c.status])).toEqual([
      ['每年至少提交一件提案', '待践诺'],
      ['为社区老人办一件实事', '待践诺'],
    ]);
    expect((await t.m1.post(`/api/commitments/${c1}/report`, { kept: true, report: '已提交' })).body.message).toBe(
      '践诺情况自 2027-11-01 起填报',
    );
    expect((await t.m2.post(`/api/commitments/${c1}/report`, { kept: true, report: 'x' })).status).toBe(404);

    setTestClock('2027-04-01T02:00:00Z');
    const late = await t.m2.post('/api/commitments', { year: 2027, text: '迟到的承诺' });
    expect([late.status, late.body.message]).toEqual([409, '2027年度承诺已于 2027-03-31 截止']);

    setTestClock('2027-12-01T02:00:00Z');
    await okBody(await t.m1.post(`/api/commitments/${c1}/report`, { kept: true, report: '提交提案两件，均已立案' }));
    await okBody(await t.m1.post(`/api/commitments/${c2}/report`, { kept: false, report: '因病未能完成' }));
    const all = await okBody(await t.office.get('/api/commitments?year=2027'));
    expect(all.items.map((c: any) => [c.memberId, c.status])).toEqual([
      [t.m1.me.account.memberId, '已践诺'],
      [t.m1.me.account.memberId, '未践诺'],
    ]);
    expect((await t.m2.get('/api/commitments?year=2027')).status).toBe(403);
    expect((await t.m2.get('/api/commitments/mine?year=2027')).body.items).toEqual([]);

    const xlsx = await t.office.get('/api/commitments/export?year=2027');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as any);
    const rows = wb.worksheets[0].getSheetValues().slice(2) as any[];
    expect(rows.map((r) => [r[3], r[4], r[5]])).toEqual([
      ['每年至少提交一件提案', '已践诺', '提交提案两件，均已立案'],
      ['为社区老人办一件实事', '未践诺', '因病未能完成'],
    ]);

    const fig = await okBody(await t.office.get('/api/figures?period=2027&ids=tasks.commitments,tasks.kept'));
    expect(fig.items.map((f: any) => f.value)).toEqual([2, 1]);
  });
});
