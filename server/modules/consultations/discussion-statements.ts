// Statements and comments of a discussion: write (length limit, word filter, moderation before show), list as the
// viewer may see them (anonymous towards other participants, staff always see who), moderate (hide, restore, merge,
// pin, adopt — adopted ones are duty facts), and similar-statement suggestions for merging duplicates.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { publishLive } from '../../platform/notifications/notifications.ts';
import { similarityQueryText, textSimilarity, toSearchVector } from '../../platform/search/search.ts';
import { normaliseLine } from '../../platform/text/normalise.ts';
import { recordDutyFact, revokeDutyFacts } from '../duty/facts.ts';
import type { CommentBody, ModerateBody, Statement } from './discussion-schemas.ts';
import {
  type DiscussionRow,
  discussionSettings,
  isStaff,
  loadDiscussion,
  loadForParticipant,
} from './discussion-service.ts';
import { statementNotFound } from './errors.ts';

export const liveTopic = (committeeId: number, id: number) => `discussion:${committeeId}:${id}`;

/** The text normalised and checked; `held` when the committee's word filter finds a listed word in it. */
async function checkText(db: Db, committeeId: number, raw: string, max: number, field: string, label: string) {
  const body = normaliseLine(raw);
  if (!body) throw badRequest('discussion.body', `「${label}」不能为空`, field);
  if ([...body].length > max) throw badRequest('discussion.too_long', `「${label}」不能超过 ${max} 个字`, field);
  const { words } = await discussionSettings(db, committeeId);
  return { body, held: words.some((w) => body.includes(w)) };
}

/** The member behind an account, for duty facts (staff and citizens have none). */
async function memberOf(tx: Db, committeeId: number, accountId: number): Promise<number | null> {
  const r = await queryOne<{ member_id: number | null }>(
    tx,
    sql`select member_id from accounts where committee_id = ${committeeId} and id = ${accountId}`,
  );
  return r?.member_id ?? null;
}

export async function recordParticipation(tx: Db, actor: Actor, discussionId: number): Promise<void> {
  if (!actor.memberId) return;
  await recordDutyFact(tx, {
    committeeId: actor.committeeId,
    memberId: actor.memberId,
    kind: 'discussion.participated',
    sourceType: 'discussion',
    sourceId: discussionId,
    occurredOn: new Date(),
  });
}

/** What follows a participant's new statement or comment (its row `id` just inserted, `state` 'shown' or 'pending'):
 *  the member's participation is counted, the post audited (discussion.statement / discussion.comment, `after` as
 *  given) and, when shown, the discussion's live view told. Returns { id, state }, the route's answer. */
async function posted(
  tx: Db,
  actor: Actor,
  discussionId: number,
  kind: 'statement' | 'comment',
  id: number,
  state: string,
  after: Record<string, unknown>,
) {
  await recordParticipation(tx, actor, discussionId);
  await writeAudit(tx, actor, {
    action: `discussion.${kind}`,
    entity: `discussion_${kind}`,
    entityId: id,
    before: null,
    after,
  });
  if (state === 'shown') await publishLive(tx, liveTopic(actor.committeeId, discussionId));
  return { id, state };
}

export async function writeStatement(db: Db, actor: Actor, discussionId: number, raw: string) {
  return db.transaction(async (tx) => {
    const d = await loadForParticipant(tx, actor, discussionId);
    const { body, held } = await checkText(tx, actor.committeeId, raw, d.max_length, 'body', '观点');
    const state = held || d.premoderated ? 'pending' : 'shown';
    const row = await queryOne<{ id: number }>(
      tx,
      sql`insert into discussion_statements (committee_id, discussion_id, author_account_id, body, state, filtered, agree, search)
        values (${actor.committeeId}, ${d.id}, ${actor.accountId}, ${body}, ${state}, ${held}, 1, ${toSearchVector(body)}) returning id`,
    );
    // As in Pol.is, the author agrees with their own statement: it is one of their votes and never shown to them.
    await tx.execute(sql`insert into discussion_votes (committee_id, statement_id, account_id, discussion_id, vote)
      values (${actor.committeeId}, ${row!.id}, ${actor.accountId}, ${d.id}, 1)`);
    return posted(tx, actor, d.id, 'statement', row!.id, state, { discussionId: d.id, body, state });
  });
}

const VOTE_NAME: Record<number, string> = { 1: 'agree', [-1]: 'disagree', 0: 'pass' };

export async function listStatements(db: Db, actor: Actor, discussionId: number, state?: string): Promise<Statement[]> {
  const d = await loadDiscussion(db, actor, discussionId);
  const staff = isStaff(actor);
  const rows = await query<StatementRow>(
    db,
    sql`select ${statementColumns}, v.vote as "myVote" from discussion_statements s
      left join accounts a on a.committee_id = s.committee_id and a.id = s.author_account_id
      left join discussion_votes v on v.committee_id = s.committee_id and v.statement_id = s.id and v.account_id = ${actor.accountId ?? 0}
      where s.committee_id = ${actor.committeeId} and s.discussion_id = ${d.id}
        ${staff ? (state ? sql`and s.state = ${state}` : sql``) : sql`and (s.state = 'shown' or s.author_account_id = ${actor.accountId ?? 0})`}
      order by s.pinned desc, s.id`,
  );
  return rows.map((r) => presentStatement(r, actor, d));
}

/** A statement as read with `statementColumns` (statement `s`, its author's account `a`) and the reader's vote
 *  (1, -1, 0 or null). */
export type StatementRow = Omit<Statement, 'author' | 'mine' | 'myVote' | 'createdAt'> & {
  authorAccountId: number;
  displayName: string;
  myVote: number | null;
  createdAt: string;
};

/** The columns of a StatementRow but the vote. */
export const statementColumns = sql`s.id, s.body, s.author_account_id as "authorAccountId", s.state, s.pinned, s.adopted,
  s.filtered, s.merged_into as "mergedInto", s.agree, s.disagree, s.pass, s.created_at as "createdAt",
  coalesce(a.display_name, '受邀群众') as "displayName"`;

export function presentStatement(r: StatementRow, actor: Actor, d: DiscussionRow): Statement {
  const { authorAccountId, displayName, ...s } = r;
  const mine = authorAccountId === actor.accountId;
  return {
    ...s,
    author: isStaff(actor) || !d.anonymous ? displayName : mine ? '我' : '参与者',
    mine,
    filtered: isStaff(actor) ? r.filtered : false,
    myVote: r.myVote == null ? null : VOTE_NAME[r.myVote],
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

const MOVES: Record<string, { from: string[]; to?: string }> = {
  approve: { from: ['pending'], to: 'shown' },
  hide: { from: ['pending', 'shown'], to: 'hidden' },
  restore: { from: ['hidden', 'merged'], to: 'shown' },
  merge: { from: ['pending', 'shown'], to: 'merged' },
};

export async function moderateStatement(db: Db, actor: Actor, discussionId: number, sid: number, b: ModerateBody) {
  await db.transaction(async (tx) => {
    const d = await loadDiscussion(tx, actor, discussionId);
    const before = await queryOne<{
      id: number;
      state: string;
      pinned: boolean;
      adopted: boolean;
      merged_into: number | null;
      author_account_id: number;
    }>(
      tx,
      sql`select id, state, pinned, adopted, merged_into, author_account_id from discussion_statements
        where committee_id = ${actor.committeeId} and discussion_id = ${d.id} and id = ${sid} for update`,
    );
    if (!before) throw statementNotFound();
    const move = MOVES[b.action];
    if (move && !move.from.includes(before.state))
      throw conflict('discussion.bad_state', '该观点当前状态不能执行此操作');
    let mergedInto: number | null = before.merged_into;
    if (b.action === 'merge') {
      if (!b.intoId || b.intoId === sid) throw badRequest('discussion.into', '请选择要合并到的另一条观点', 'intoId');
      const into = await queryOne(
        tx,
        sql`select 1 from discussion_statements where committee_id = ${actor.committeeId} and discussion_id = ${d.id} and id = ${b.intoId} and state = 'shown'`,
      );
      if (!into) throw badRequest('discussion.into', '要合并到的观点不存在或未显示', 'intoId');
      mergedInto = b.intoId;
    }
    if (b.action === 'restore') mergedInto = null;
    const pinned = b.action === 'pin' ? true : b.action === 'unpin' ? false : before.pinned;
    const adopted = b.action === 'adopt' ? true : b.action === 'unadopt' ? false : before.adopted;
    await tx.execute(sql`update discussion_statements set state = ${move?.to ?? before.state}, merged_into = ${mergedInto},
        pinned = ${pinned}, adopted = ${adopted}
      where committee_id = ${actor.committeeId} and id = ${sid}`);
    await adoptionFact(tx, actor.committeeId, 'discussion_statement', sid, before.author_account_id, b.action);
    await writeAudit(tx, actor, {
      action: `discussion.statement.${b.action}`,
      entity: 'discussion_statement',
      entityId: sid,
      before,
      after: { state: move?.to ?? before.state, mergedInto, pinned, adopted },
    });
    await publishLive(tx, liveTopic(actor.committeeId, d.id));
  });
}

/** Adopted statements and comments are the author's duty facts; un-adopting revokes them. */
async function adoptionFact(
  tx: Db,
  committeeId: number,
  sourceType: string,
  id: number,
  author: number,
  action: string,
) {
  if (action !== 'adopt' && action !== 'unadopt') return;
  const memberId = await memberOf(tx, committeeId, author);
  if (!memberId) return;
  if (action === 'unadopt')
    return revokeDutyFacts(tx, committeeId, { sourceType, sourceId: id, kinds: ['discussion.adopted'] });
  await recordDutyFact(tx, {
    committeeId,
    memberId,
    kind: 'discussion.adopted',
    sourceType,
    sourceId: id,
    occurredOn: new Date(),
  });
}

/** Statements of the same discussion that read alike (the platform's similarity), for merging duplicates. */
export async function similarStatements(db: Db, actor: Actor, discussionId: number, sid: number) {
  const d = await loadDiscussion(db, actor, discussionId);
  const s = await queryOne<{ body: string }>(
    db,
    sql`select body from discussion_statements where committee_id = ${actor.committeeId} and discussion_id = ${d.id} and id = ${sid}`,
  );
  if (!s) throw statementNotFound();
  const qt = similarityQueryText(s.body);
  if (!qt) return [];
  const rows = await query<{ id: number; body: string; state: string }>(
    db,
    sql`select id, body, state from discussion_statements
      where committee_id = ${actor.committeeId} and discussion_id = ${d.id} and id <> ${sid} and state in ('shown', 'pending')
        and search @@ to_tsquery('simple', ${qt}) limit 200`,
  );
  return rows
    .map((r) => ({ ...r, similarity: Math.round(textSimilarity(s.body, r.body) * 100) / 100 }))
    .filter((r) => r.similarity >= 0.2)
    .sort((a, b) => b.similarity - a.similarity || a.id - b.id)
    .slice(0, 5);
}

export async function writeComment(db: Db, actor: Actor, discussionId: number, b: CommentBody) {
  return db.transaction(async (tx) => {
    const d = await loadForParticipant(tx, actor, discussionId);
    const { body, held } = await checkText(tx, actor.committeeId, b.body, 1000, 'body', '评论');
    if (b.statementId) {
      const s = await queryOne(
        tx,
        sql`select 1 from discussion_statements where committee_id = ${actor.committeeId} and discussion_id = ${d.id} and id = ${b.statementId} and state = 'shown'`,
      );
      if (!s) throw badRequest('discussion.statement', '评论的观点不存在', 'statementId');
    }
    if (b.parentId) {
      const p = await queryOne(
        tx,
        sql`select 1 from discussion_comments where committee_id = ${actor.committeeId} and discussion_id = ${d.id} and id = ${b.parentId}`,
      );
      if (!p) throw badRequest('discussion.parent', '回复的评论不存在', 'parentId');
    }
    const state = held || d.premoderated ? 'pending' : 'shown';
    const row = await queryOne<{ id: number }>(
      tx,
      sql`insert into discussion_comments (committee_id, discussion_id, statement_id, parent_id, author_account_id, body, state)
        values (${actor.committeeId}, ${d.id}, ${b.statementId ?? null}, ${b.parentId ?? null}, ${actor.accountId}, ${body}, ${state}) returning id`,
    );
    return posted(tx, actor, d.id, 'comment', row!.id, state, { discussionId: d.id, ...b, body, state });
  });
}

/** A comment as its reader may see it (anonymous towards other participants); `createdAt` ISO 8601. */
export interface Comment {
  id: number;
  statementId: number | null;
  parentId: number | null;
  body: string;
  author: string;
  mine: boolean;
  state: string;
  adopted: boolean;
  createdAt: string;
}

export async function listComments(db: Db, actor: Actor, discussionId: number): Promise<Comment[]> {
  const d = await loadDiscussion(db, actor, discussionId);
  const staff = isStaff(actor);
  const rows = await query<Omit<Comment, 'author' | 'mine'> & { authorAccountId: number; displayName: string }>(
    db,
    sql`select c.id, c.statement_id as "statementId", c.parent_id as "parentId", c.body, c.author_account_id as "authorAccountId",
        coalesce(a.display_name, '受邀群众') as "displayName", c.state, c.adopted, c.created_at as "createdAt"
      from discussion_comments c
      left join accounts a on a.committee_id = c.committee_id and a.id = c.author_account_id
      where c.committee_id = ${actor.committeeId} and c.discussion_id = ${d.id}
        ${staff ? sql`` : sql`and (c.state = 'shown' or c.author_account_id = ${actor.accountId ?? 0})`}
      order by c.created_at, c.id`,
  );
  return rows.map(({ authorAccountId, displayName, ...r }) => {
    const mine = authorAccountId === actor.accountId;
    return {
      ...r,
      author: staff || !d.anonymous ? displayName : mine ? '我' : '参与者',
      mine,
      createdAt: new Date(r.createdAt).toISOString(),
    };
  });
}

export async function moderateComment(db: Db, actor: Actor, discussionId: number, cid: number, action: string) {
  await db.transaction(async (tx) => {
    const d = await loadDiscussion(tx, actor, discussionId);
    const before = await queryOne<{ id: number; state: string; adopted: boolean; author_account_id: number }>(
      tx,
      sql`select id, state, adopted, author_account_id from discussion_comments
        where committee_id = ${actor.committeeId} and discussion_id = ${d.id} and id = ${cid} for update`,
    );
    if (!before) throw notFound('discussion.comment_not_found', '评论不存在');
    const move = MOVES[action];
    if (move && !move.from.includes(before.state))
      throw conflict('discussion.bad_state', '该评论当前状态不能执行此操作');
    const adopted = action === 'adopt' ? true : action === 'unadopt' ? false : before.adopted;
    await tx.execute(sql`update discussion_comments set state = ${move?.to ?? before.state}, adopted = ${adopted}
      where committee_id = ${actor.committeeId} and id = ${cid}`);
    await adoptionFact(tx, actor.committeeId, 'discussion_comment', cid, before.author_account_id, action);
    await writeAudit(tx, actor, {
      action: `discussion.comment.${action}`,
      entity: 'discussion_comment',
      entityId: cid,
      before,
      after: { state: move?.to ?? before.state, adopted },
    });
  });
}
