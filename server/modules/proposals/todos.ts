// 提案待办: the office's work queues, a unit's proposals to sign for or answer soon, a member's invitations, returned
// proposals, drafts and replies to rate, and an organisation's collective proposals awaiting its responsible person.
import { type SQL, sql } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { type Todo, todoGroups } from '../../platform/todos.ts';
import { QUEUES } from './list-service.ts';
import { OPEN_ASSIGNMENT_STATES } from './states.ts';

const OFFICE: [keyof typeof QUEUES, string][] = [
  ['preReview', '待预审的提案'],
  ['review', '待审查立案的提案'],
  ['assign', '待交办的提案'],
  ['assignApproval', '交办待审批的提案'],
  ['unitRequests', '承办单位的退回或延期申请'],
  ['replyReview', '待审核的答复'],
  ['overdue', '已超过答复期限的提案'],
];

const count = (condition: SQL, as: string) => sql`count(*) filter (where ${condition})::int as ${sql.identifier(as)}`;

export async function proposalTodos(db: Db, actor: Actor): Promise<Todo[]> {
  const c = actor.committeeId;
  const m = actor.memberId;
  const o = actor.orgId;
  const orgEntries: [string, string, string][] = [
    ['orgApproval', '待您审批的集体提案', '/proposals/mine?state=orgApproval'],
    ['orgReturned', '退回修改的集体提案', '/proposals/mine?state=returned'],
    ['orgRate', '已答复、待评价的集体提案', '/proposals/mine?state=replied'],
  ];
  return todoGroups(db, [
    {
      when: can(actor.roles, 'proposal.review'),
      query: sql`select ${sql.join(
        OFFICE.map(([k]) => count(QUEUES[k], k)),
        sql`, `,
      )} from proposals p where p.committee_id = ${c}`,
      entries: OFFICE.map(([k, label]) => [k, label, `/proposals?queue=${k}`]),
    },
    {
      when: actor.roles.includes('unitUser') && actor.unitId,
      query: sql`select ${count(sql`a.state = 'assigned'`, 'unitAccept')},
          ${count(sql`a.state = any(${sql.param(OPEN_ASSIGNMENT_STATES)}::text[]) and a.due_at < now() + interval '15 days'`, 'unitDue')}
        from proposal_assignments a join proposals p on p.committee_id = a.committee_id and p.id = a.proposal_id
        where a.committee_id = ${c} and a.unit_id = ${actor.unitId} and p.state = 'handling'`,
      entries: [
        ['unitAccept', '交办本单位待签收的提案', '/proposals/inbox?assignmentState=assigned'],
        ['unitDue', '15 天内到期或已超期未答复的提案', '/proposals/inbox?sort=dueAt&order=asc'],
      ],
    },
    {
      when: m,
      query: sql`select ${count(sql`pp.cosign_status = 'invited' and o.state = 'cosigning'`, 'cosign')},
          ${count(sql`pp.is_lead and o.state = 'returned'`, 'returned')},
          ${count(sql`pp.is_lead and o.state = 'draft'`, 'drafts')},
          ${count(
            sql`pp.cosign_status = 'confirmed' and t.state = 'replied' and not exists (select 1 from proposal_ratings r
              where r.committee_id = t.committee_id and r.proposal_id = t.id and r.round = t.round and r.member_id = ${m})`,
            'rate',
          )}
        from proposal_proposers pp
        join proposals o on o.committee_id = pp.committee_id and o.id = pp.proposal_id
        join proposals t on t.committee_id = o.committee_id and t.id = coalesce(o.merged_into_id, o.id)
        where pp.committee_id = ${c} and pp.member_id = ${m}`,
      entries: [
        ['cosign', '邀请您联名、待您确认的提案', '/proposals/mine?state=cosigning'],
        ['returned', '退回修改的提案', '/proposals/mine?state=returned'],
        ['rate', '已答复、待您评价的提案', '/proposals/mine?state=replied'],
        ['drafts', '尚未提交的提案草稿', '/proposals/mine?state=draft'],
      ],
    },
    {
      when: actor.roles.includes('orgAccount') && o,
      query: sql`select ${count(sql`p.state = 'orgApproval'`, 'orgApproval')},
          ${count(sql`p.state = 'returned'`, 'orgReturned')},
          ${count(
            sql`p.state = 'replied' and not exists (select 1 from proposal_ratings r
              where r.committee_id = p.committee_id and r.proposal_id = p.id and r.round = p.round and r.org_id = ${o})`,
            'orgRate',
          )}
        from proposals p where p.committee_id = ${c} and p.org_id = ${o}`,
      // Only the responsible person approves; a clerk is not asked.
      entries: orgEntries.filter(([k]) => k !== 'orgApproval' || actor.roles.includes('orgLeader')),
    },
  ]);
}
