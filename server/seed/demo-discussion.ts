// The demo's open online discussion (网络议政): statements in two camps and common ground, and the members' votes.
import { addDays } from '../platform/dates.ts';
import type { Client } from '../platform/inject-client.ts';
import type { Ctx } from './demo-consultation.ts';
import { at, must } from './demo-steps.ts';

/** The open online discussion on lifts in old housing: 8 statements, two camps and common ground in the votes. */
export async function discussion(c: Ctx) {
  const d = await must(
    '网络议政',
    c.special.post('/api/discussions', {
      topic: '如何加快推进老旧小区加装电梯',
      background:
        '全市2000年以前建成的老旧小区约1200个，具备加装条件的楼栋约6000个，已加装约800部。资金分摊、低层住户意见和后期维保是主要难点。',
      audience: 'members',
      opensAt: at(addDays(c.today, -5), '09:00'),
      closesAt: at(addDays(c.today, 14), '18:00'),
    }),
  );
  // [author, statement, camp: 1 government-led, -1 residents and market, 0 common ground, 2 divisive]
  const STATEMENTS: [string, string, number][] = [
    ['member221', '建议财政按加装费用的三成给予补贴，减轻居民负担', 1],
    ['member222', '加装电梯应纳入城市更新统一规划、由政府统一组织实施', 1],
    ['member223', '加装费用应主要由受益住户按楼层分摊，政府只做引导', -1],
    ['member224', '可引入社会资本“以租代购”，居民按月付费使用电梯', -1],
    ['member221', '应简化审批，推行规划、消防、特种设备联合审查', 0],
    ['member225', '应建立低层住户补偿协商机制，减少邻里矛盾', 0],
    ['member223', '加装前就要明确电梯维保责任主体和费用来源', 0],
    ['member225', '一楼住户不同意的，不应强行加装', 2],
  ];
  const clients = new Map<string, Client>();
  const who = async (u: string) => {
    if (!clients.has(u)) clients.set(u, await c.login(u));
    return clients.get(u)!;
  };
  const ids: number[] = [];
  for (const [author, body] of STATEMENTS)
    ids.push((await must('发表观点', (await who(author)).post(`/api/discussions/${d.id}/statements`, { body }))).id);
  const voters = Array.from({ length: 12 }, (_, i) => `member${221 + i}`);
  for (const [i, username] of voters.entries()) {
    const side = i < 6 ? 1 : -1;
    for (const [j, [author, , camp]] of STATEMENTS.entries()) {
      if (author === username) continue;
      const vote = (i + j) % 7 === 3 ? 'pass' : agrees(camp, side, i) ? 'agree' : 'disagree';
      await must('表态', (await who(username)).put(`/api/discussions/${d.id}/statements/${ids[j]}/vote`, { vote }));
    }
  }
}

/** Camp 0 is common ground, camp 2 splits along the camps but for a few; else members agree with their own camp. */
const agrees = (camp: number, side: number, i: number) =>
  camp === 0 || (camp === 2 ? side < 0 !== (i % 5 === 2) : camp === side);
