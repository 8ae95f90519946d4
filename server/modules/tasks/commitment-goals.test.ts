// 承诺 ↔ 履职事实: a commitment item names the duty fact kind that fulfils it and a target; the member's facts of the
// year (here: proposals they file) show as progress on 我的承诺, and the year-end report is prefilled from it.
import { afterEach, describe, expect, it } from 'vitest';
import { setTestClock } from '../../platform/dates.ts';
import { okBody, testAppForFile } from '../../test/harness.ts';
import { write } from '../proposals/test-helpers.ts';

const t = testAppForFile({ office: 'office_staff', m1: 'member072' });

afterEach(() => setTestClock(null));

describe('commitment goals', () => {
  it('counts the facts that fulfil a commitment and prefills the 践诺 report', async () => {
    setTestClock('2027-01-05T02:00:00Z');
    const bad = await t.office.post('/api/commitments/items', { year: 2027, title: 'x', factKind: 'proposal.eaten' });
    expect([bad.status, bad.body.message]).toEqual([400, '所选「对应履职事项」不存在']);
    const noKind = await t.office.post('/api/commitments/items', { year: 2027, title: 'x', target: 2 });
    expect(noKind.body.message).toBe('设置「目标次数」时请选择「对应履职事项」');
    const { id: item } = await okBody(
      await t.office.post('/api/commitments/items', {
        year: 2027,
        title: '全年提交提案不少于 2 件',
        factKind: 'proposal.filed',
        target: 2,
      }),
    );
    const items = await okBody(await t.m1.get('/api/commitments/items?year=2027'));
    expect(items.items[0]).toMatchObject({ factKindLabel: '提交提案', target: 2 });
    expect(items.goalKinds['consultation.participated']).toBe('参加协商活动');

    await okBody(await t.m1.post('/api/commitments', { year: 2027, itemId: item }));
    await okBody(
      await t.m1.post('/api/commitments', {
        year: 2027,
        text: '报送社情民意信息至少一篇',
        factKind: 'opinion.submitted',
      }),
    );
    const start = await okBody(await t.m1.get('/api/commitments/mine?year=2027'));
    expect(start.items.map((c: any) => [c.text, c.factKindLabel, c.progress, c.target, c.met])).toEqual([
      ['全年提交提案不少于 2 件', '提交提案', 0, 2, false],
      ['报送社情民意信息至少一篇', '报送社情民意信息', 0, 1, false],
    ]);

    await write(t.m1, { title: '关于完善社区养老服务的建议', submit: true });
    const one = await okBody(await t.m1.get('/api/commitments/mine?year=2027'));
    expect([one.items[0].progress, one.items[0].met]).toEqual([1, false]);
    await write(t.m1, { title: '关于加强农村饮水安全的建议', submit: true });
    const two = await okBody(await t.m1.get('/api/commitments/mine?year=2027'));
    expect(two.items[0]).toMatchObject({
      progress: 2,
      met: true,
      suggestedKept: true,
      suggestedReport: '本年度提交提案 2 次，承诺目标 2 次，已完成。',
    });
    expect(two.items[1]).toMatchObject({ progress: 0, suggestedKept: false });

    // Staff read one member's commitments (beside the duty self-report) with the same progress.
    const staff = await okBody(await t.office.get(`/api/commitments?year=2027&memberId=${t.m1.me.account.memberId}`));
    expect(staff.items.map((c: any) => c.progress)).toEqual([2, 0]);
  });
});
