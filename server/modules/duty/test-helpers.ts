// Duty test fixtures built through the routes, so each test makes what it needs (issue 9).
import { type Client, okBody } from '../../test/harness.ts';

/**
 * The office adds the two list items of `year` that conduct.test.ts reads: 负面清单「无故缺席专委会活动」(3 points,
 * evidence 活动签到表) and 正面清单「提案获领导批示」(5 points, evidence 批示件复印件). Tests that count a year's items
 * use a year of their own. Returns the item ids; throws (okBody) if a request is refused.
 */
export async function conductItems(office: Client, year: number): Promise<{ positive: number; negative: number }> {
  const item = async (polarity: 'positive' | 'negative', title: string, evidenceRequired: string, points: number) =>
    okBody(await office.post('/api/duty/lists/items', { year, polarity, title, evidenceRequired, points })).id;
  const negative = await item('negative', '无故缺席专委会活动', '活动签到表', 3);
  const positive = await item('positive', '提案获领导批示', '批示件复印件', 5);
  return { positive, negative };
}

/** The office records that member `memberId` did item `itemId` on 15 January of `year`: the record id. */
export async function conductRecord(office: Client, itemId: number, memberId: number, year: number): Promise<number> {
  return okBody(
    await office.post(`/api/duty/lists/items/${itemId}/records`, {
      memberId,
      occurredOn: `${year}-01-15`,
      evidence: `${year} 年 1 月 15 日专委会调研未请假缺席（签到表）`,
    }),
  ).id;
}
