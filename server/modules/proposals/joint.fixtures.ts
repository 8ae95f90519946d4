// A joint proposal at a chosen stage of its handling, for the tests of handling.test.ts that each start from one stage.
import { beijingToday } from '../../platform/dates.ts';
import type { Client } from '../../test/harness.ts';
import { assignmentOf, assignmentTransition, detail, transition, unitIdOf, write } from './test-helpers.ts';

/** The signed-in clients the story uses: two proposers, the proposal office and two units. */
type JointClients = Record<'m1' | 'm2' | 'staff' | 'u1' | 'u2', Client>;

export const JOINT = {
  kind: 'joint',
  title: '关于加强中小学心理健康教育的建议',
  category: '社会建设',
  submit: true,
};
/** The joint proposal's stages, in order: each test of the joint-proposal story in handling.test.ts starts from its own proposal at one of them. */
const JOINT_STAGES = ['assigned', 'accepted', 'replyPending', 'replied', 'secondRound'] as const;

/**
 * A new joint proposal (member010 with member011 as cosigner), registered and assigned to unit01 (lead) with unit02
 * assisting, then taken to `stage`: `accepted` (both units signed), `replyPending` (the lead unit met the proposers and
 * replied, class A), `replied` (the office approved the reply), `secondRound` (member010 unsatisfied, member011
 * satisfied: round 2 has begun). Answers the proposal's id and both units' assignments as the lead unit sees them.
 */
export async function jointProposal(t: JointClients, stage: (typeof JOINT_STAGES)[number]) {
  const id = await write(t.m1, { ...JOINT, cosignerIds: [t.m2.me.account.memberId] });
  await transition(t.m2, id, 'cosignConfirm');
  await transition(t.staff, id, 'preApprove');
  await transition(t.staff, id, 'register');
  await transition(t.staff, id, 'assign', {
    mode: 'lead',
    leadUnitId: unitIdOf(t.u1),
    assistingUnitIds: [unitIdOf(t.u2)],
  });
  const d = await detail(t.u1, id);
  const lead = assignmentOf(d, unitIdOf(t.u1));
  const assist = assignmentOf(d, unitIdOf(t.u2));
  const reached = (s: (typeof JOINT_STAGES)[number]) => JOINT_STAGES.indexOf(stage) >= JOINT_STAGES.indexOf(s);
  if (reached('accepted')) {
    await assignmentTransition(t.u1, lead.id, 'accept');
    await assignmentTransition(t.u2, assist.id, 'accept');
  }
  if (reached('replyPending')) {
    await assignmentTransition(t.u1, lead.id, 'recordContact', {
      way: '当面座谈',
      date: beijingToday(),
      notes: '与两位提案人座谈',
    });
    await assignmentTransition(t.u1, lead.id, 'reply', {
      outcomeClass: 'A',
      text: '市教育局已在全市中小学配备专职心理教师。',
    });
  }
  if (reached('replied')) await assignmentTransition(t.staff, lead.id, 'approveReply');
  if (reached('secondRound')) {
    await transition(t.m1, id, 'rate', { rating: 'unsatisfied', comment: '进度太慢' });
    await transition(t.m2, id, 'rate', { rating: 'satisfied' });
  }
  return { id, lead, assist };
}
