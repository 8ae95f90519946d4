// Proposal ideas from the public (提案线索): a citizen sends one with a phone's one-time code; staff see them and hand one
// to a member, who reads it on 我的提案线索 and turns it into a proposal draft (the web prefills the draft, no retyping).
// The citizen's phone never leaves this module: staff and members see the text only.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingToday, iso, startOfBeijingDay } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { notify } from '../../platform/notifications/notifications.ts';
import { normaliseLine, normaliseText } from '../../platform/text/normalise.ts';
import { tooMany } from '../grassroots/public-service.ts';
import { grassrootsSettings } from '../grassroots/settings.ts';
import { memberNotFound } from '../org/errors.ts';
import { memberById, memberDirectory } from '../org/members-directory.ts';
import type { HandInput, IdeaFilter } from './schemas.ts';

export const IDEA_STATES = { new: '待交办', handed: '已交委员' } as const;
export const ideaNotFound = () => notFound('publicSite.idea_not_found', '提案线索不存在');

/** A citizen's idea, after the code was verified; the day's limit per phone is the grassroots one. */
export async function submitIdea(
  tx: Db,
  actor: Actor,
  citizenId: number,
  b: { title: string; body: string },
): Promise<{ id: number }> {
  const s = await grassrootsSettings(tx, actor.committeeId);
  const since = startOfBeijingDay(beijingToday()).toISOString();
  const today = await queryOne<{ n: number }>(
    tx,
    sql`select count(*)::int as n from public_proposal_ideas where committee_id = ${actor.committeeId}
      and citizen_id = ${citizenId} and created_at >= ${since}`,
  );
  if ((today?.n ?? 0) >= s.submissionsPerPhonePerDay) throw tooMany('今日提交次数已达上限，请明天再试');
  const row = await queryOne<{ id: number }>(
    tx,
    sql`insert into public_proposal_ideas (committee_id, citizen_id, title, body)
      values (${actor.committeeId}, ${citizenId}, ${normaliseLine(b.title)}, ${normaliseText(b.body)}) returning id`,
  );
  await writeAudit(tx, actor, {
    action: 'publicSite.idea.submit',
    entity: 'publicProposalIdea',
    entityId: row!.id,
    after: { title: b.title },
  });
  return row!;
}

/** A row of public_proposal_ideas with the name of the member it was handed to. */
interface IdeaRow {
  committee_id: number;
  id: number;
  citizen_id: number;
  title: string;
  body: string;
  state: string;
  member_id: number | null;
  member_name?: string | null;
  handed_at: string | Date | null;
  note: string;
  created_at: string | Date;
}

const shape = (r: IdeaRow) => ({
  id: r.id,
  title: r.title,
  body: r.body,
  state: r.state,
  stateLabel: IDEA_STATES[r.state as keyof typeof IDEA_STATES],
  memberId: r.member_id ?? null,
  memberName: r.member_name ?? null,
  note: r.note,
  createdAt: new Date(r.created_at).toISOString(),
  handedAt: iso(r.handed_at),
});

const select = sql`select i.*, m.name as member_name from public_proposal_ideas i
  left join ${memberDirectory} m on m.committee_id = i.committee_id and m.id = i.member_id`;

export async function listIdeas(db: Db, actor: Actor, f: IdeaFilter, limit: number, offset: number) {
  const c = [sql`i.committee_id = ${actor.committeeId}`];
  if (f.state) c.push(sql`i.state = ${f.state}`);
  const where = sql.join(c, sql` and `);
  const rows = await query<IdeaRow>(
    db,
    sql`${select} where ${where} order by (i.state = 'new') desc, i.id desc limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from public_proposal_ideas i where ${where}`,
  );
  return { items: rows.map(shape), total: total!.n };
}

/** Ideas handed to the signed-in member; nobody else's. */
export async function myIdeas(db: Db, actor: Actor) {
  if (!actor.memberId) return { items: [], total: 0 };
  const rows = await query<IdeaRow>(
    db,
    sql`${select} where i.committee_id = ${actor.committeeId} and i.member_id = ${actor.memberId} order by i.handed_at desc, i.id desc limit 200`,
  );
  return { items: rows.map(shape), total: rows.length };
}

/** Staff hand an idea to a member (again to another one if need be); the member is told. */
export async function handIdea(tx: Db, actor: Actor, id: number, b: HandInput) {
  const before = await queryOne<IdeaRow>(
    tx,
    sql`select * from public_proposal_ideas where committee_id = ${actor.committeeId} and id = ${id} for update`,
  );
  if (!before) throw ideaNotFound();
  const member = await memberById(tx, actor.committeeId, b.memberId);
  if (!member) throw memberNotFound();
  const note = normaliseText(b.note ?? '');
  await tx.execute(sql`update public_proposal_ideas set state = 'handed', member_id = ${member.id}, note = ${note},
      handed_at = now() where committee_id = ${actor.committeeId} and id = ${id}`);
  await writeAudit(tx, actor, {
    action: 'publicSite.idea.hand',
    entity: 'publicProposalIdea',
    entityId: id,
    before: { state: before.state, memberId: before.member_id },
    after: { state: 'handed', memberId: member.id, note },
  });
  const accounts = await query<{ id: number }>(
    tx,
    sql`select id from accounts where committee_id = ${actor.committeeId} and member_id = ${member.id} and not disabled`,
  );
  await notify(tx, {
    committeeId: actor.committeeId,
    accountIds: accounts.map((a) => a.id),
    kind: 'publicSite.idea',
    title: '收到一条群众提案线索',
    body: before.title,
    link: '/public-site/ideas/mine',
  });
}
