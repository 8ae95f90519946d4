// Nothing shown before it is released: the proposer's detail and timeline hold no draft reply, outcome class, letter,
// assisting view or internal office remark until the office approves the reply; a sent-back draft never appears.
import { describe, expect, it } from 'vitest';
import { beijingToday } from '../../platform/dates.ts';
import { type Client, testAppForFile } from '../../test/harness.ts';
import { assigned, assignmentOf, assignmentTransition, detail } from './test-helpers.ts';

const t = testAppForFile({ staff: 'proposal_staff', member: 'member020', lead: 'unit01', assist: 'unit02' });

const DRAFT = '收悉，正在研究。';
const REMARK = '答复过于简单，请补充具体措施（内部意见）';
const FINAL = '经研究，已将社区养老服务综合体建设纳入明年民生实事项目。';

/** Everything a viewer receives about the proposal, as one string to search for leaked words. */
const seen = async (c: Client, id: number) => JSON.stringify(await detail(c, id));

/**
 * A proposal assigned to `lead` with `assist` assisting, whose assisting unit has sent its view and whose lead unit has
 * recorded its contact and replied with the DRAFT (class B), not yet reviewed: its id and the lead assignment's id.
 */
async function draftReplied(): Promise<{ id: number; aId: number }> {
  const id = await assigned(t.member, t.staff, t.lead.me.account.unitId, [t.assist.me.account.unitId], {
    title: '关于推进社区养老服务综合体建设的建议',
  });
  const aId = assignmentOf(await detail(t.staff, id), t.lead.me.account.unitId).id;
  const bId = assignmentOf(await detail(t.staff, id), t.assist.me.account.unitId).id;
  await assignmentTransition(t.assist, bId, 'accept');
  await assignmentTransition(t.assist, bId, 'sendView', { text: '协办意见：建议统筹民政资金（协办单位）' });
  await assignmentTransition(t.lead, aId, 'accept');
  await assignmentTransition(t.lead, aId, 'recordContact', {
    way: '电话',
    date: beijingToday(),
    notes: '已沟通',
  });
  await assignmentTransition(t.lead, aId, 'reply', { outcomeClass: 'B', text: DRAFT });
  return { id, aId };
}

/** draftReplied, then sent back by the office with the internal REMARK. */
async function sentBack(): Promise<{ id: number; aId: number }> {
  const made = await draftReplied();
  await assignmentTransition(t.staff, made.aId, 'sendBackReply', { comment: REMARK });
  return made;
}

describe('a unit reply waits for the office before the proposer sees any of it', () => {
  it('a draft reply: the proposer sees no text, class, letter or step; the unit and the office do', async () => {
    const { id } = await draftReplied();

    const mine = await detail(t.member, id);
    expect(mine.replies).toEqual([]);
    expect(mine.timeline.map((e: any) => e.action)).not.toContain('reply');
    expect(mine.timeline.map((e: any) => e.action)).not.toContain('sendView');
    const text = JSON.stringify(mine);
    expect(text).not.toContain(DRAFT);
    expect(text).not.toContain('协办意见');
    expect(text).not.toContain('"outcomeClass":"B"');
    // The office and the replying unit see the draft step with its data.
    for (const c of [t.staff, t.lead]) {
      const step = (await detail(c, id)).timeline.find((e: any) => e.action === 'reply');
      expect(step.data).toMatchObject({ outcomeClass: 'B', text: DRAFT });
    }
  });

  it('sent back with an internal remark: the proposer sees neither the draft nor the remark', async () => {
    const { id } = await sentBack();
    const text = await seen(t.member, id);
    expect(text).not.toContain(DRAFT);
    expect(text).not.toContain(REMARK);
    expect((await detail(t.member, id)).timeline.map((e: any) => e.action)).not.toContain('sendBackReply');
    // The unit is told why, on its own timeline.
    expect(await seen(t.lead, id)).toContain(REMARK);
  });

  it('released by the office: the proposer sees the released reply, still not the rejected draft', async () => {
    const { id, aId } = await sentBack();
    await assignmentTransition(t.lead, aId, 'reply', { outcomeClass: 'A', text: FINAL });
    expect(await seen(t.member, id)).not.toContain(FINAL);
    await assignmentTransition(t.staff, aId, 'approveReply');
    const mine = await detail(t.member, id);
    expect(mine.replies.map((r: any) => [r.text, r.outcomeClass, r.reviewState])).toEqual([[FINAL, 'A', 'approved']]);
    expect(mine.timeline.map((e: any) => e.action)).toContain('approveReply');
    const text = JSON.stringify(mine);
    expect(text).not.toContain(DRAFT);
    expect(text).not.toContain(REMARK);
  });

  it('the office keeps its internal remarks on registration and assignment to itself', async () => {
    const id2 = await assigned(t.member, t.staff, t.lead.me.account.unitId);
    const office = (await detail(t.staff, id2)).timeline.find((e: any) => e.action === 'assign');
    expect(office.data).toMatchObject({ leadUnitId: t.lead.me.account.unitId });
    const mine = (await detail(t.member, id2)).timeline.find((e: any) => e.action === 'assign');
    expect(mine).toMatchObject({ label: '交办', data: null, comment: null });
  });
});
