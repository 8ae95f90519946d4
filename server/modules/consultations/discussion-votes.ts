// Votes on statements and the opinion map. A vote is one row per participant and statement (changing it replaces it;
// parallel taps meet on the key and count once); the statement's counts move by the difference in the same
// transaction. The map is recomputed by a job scheduled a few seconds after votes (debounced), never on the request path.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { type Job, registerJobHandler, scheduleJob } from '../../platform/jobs/jobs.ts';
import { publishLive } from '../../platform/notifications/notifications.ts';
import type { MapVote, OpinionMap } from './discussion-map.ts';
import { computeOpinionMapOffThread } from './discussion-map-worker.ts';
import { VOTES, type VoteName } from './discussion-schemas.ts';
import { isStaff, loadDiscussion, loadForParticipant } from './discussion-service.ts';
import {
  liveTopic,
  presentStatement,
  recordParticipation,
  type StatementRow,
  statementColumns,
} from './discussion-statements.ts';
import { statementNotFound } from './errors.ts';

export const MAP_JOB = 'discussion.map';
/** The map is recomputed this long after the last vote… */
export const MAP_DELAY_MS = 5_000;
/** …but at least once a minute while votes keep coming (each minute has its own job), so it never starves. */
const BUCKET_MS = 60_000;
/** A process kicks the job and the live topic at most this often per discussion: no hot row under 300 voters. */
const KICK_MS = 2_000;
const lastKick = new Map<string, number>();

const COLUMN = { 1: sql`agree`, [-1]: sql`disagree`, 0: sql`pass` } as Record<number, ReturnType<typeof sql>>;

/** Schedules the map job and tells live pages that counts moved, at most every KICK_MS per discussion and process. */
export async function kickDiscussion(tx: Db, committeeId: number, discussionId: number, force = false) {
  const key = liveTopic(committeeId, discussionId);
  const now = Date.now();
  if (!force && now - (lastKick.get(key) ?? 0) < KICK_MS) return;
  lastKick.set(key, now);
  await scheduleJob(tx, {
    committeeId,
    kind: MAP_JOB,
    runAt: new Date(now + MAP_DELAY_MS),
    payload: { discussionId },
    dedupeKey: `${MAP_JOB}:${discussionId}:${Math.floor(now / BUCKET_MS)}`,
  });
  await publishLive(tx, key);
}

export async function castVote(db: Db, actor: Actor, discussionId: number, sid: number, name: VoteName) {
  const vote = VOTES[name];
  return db.transaction(async (tx) => {
    const d = await loadForParticipant(tx, actor, discussionId);
    const cid = actor.committeeId;
    // A new vote is one statement (a round trip less each for the statement check and the count, measured in
    // bench/discussions.ts): the row, only on a shown statement, and its count. The insert waits for a parallel one on
    // the same key and then does nothing, counting nothing: the second tap becomes an update below.
    const inserted = await queryOne(
      tx,
      sql`with ins as (
          insert into discussion_votes (committee_id, statement_id, account_id, discussion_id, vote)
          select ${cid}, s.id, ${actor.accountId}, ${d.id}, ${vote} from discussion_statements s
            where s.committee_id = ${cid} and s.discussion_id = ${d.id} and s.id = ${sid} and s.state = 'shown'
          on conflict (committee_id, statement_id, account_id) do nothing returning statement_id)
        update discussion_statements set ${COLUMN[vote]} = ${COLUMN[vote]} + 1
          where committee_id = ${cid} and id in (select statement_id from ins) returning 1 as one`,
    );
    let before: number | null = null;
    if (inserted) await recordParticipation(tx, actor, d.id);
    else {
      const old = await queryOne<{ vote: number }>(
        tx,
        sql`select v.vote from discussion_votes v join discussion_statements s on s.committee_id = v.committee_id and s.id = v.statement_id
          where v.committee_id = ${cid} and v.statement_id = ${sid} and v.account_id = ${actor.accountId}
            and s.discussion_id = ${d.id} and s.state = 'shown' for update of v`,
      );
      // Neither inserted nor there: the statement is not (or no longer) shown in this discussion.
      if (!old) throw statementNotFound();
      before = old.vote;
      if (before === vote) return { changed: false };
      await tx.execute(sql`update discussion_votes set vote = ${vote}, voted_at = now()
        where committee_id = ${cid} and statement_id = ${sid} and account_id = ${actor.accountId}`);
      await tx.execute(sql`update discussion_statements set ${COLUMN[before]} = ${COLUMN[before]} - 1, ${COLUMN[vote]} = ${COLUMN[vote]} + 1
        where committee_id = ${cid} and id = ${sid}`);
    }
    await writeAudit(tx, actor, {
      action: 'discussion.vote',
      entity: 'discussion_statement',
      entityId: sid,
      before: before === null ? null : { vote: before },
      after: { vote },
    });
    await kickDiscussion(tx, actor.committeeId, d.id);
    return { changed: true };
  });
}

/** The next statement to vote on: pinned first, then the fewest votes, among those the participant has not voted. */
export async function nextStatement(db: Db, actor: Actor, discussionId: number) {
  const d = await loadDiscussion(db, actor, discussionId);
  const me = actor.accountId ?? 0;
  const rows = await query<StatementRow & { remaining: number }>(
    db,
    sql`select ${statementColumns}, null as "myVote", count(*) over ()::int as remaining
      from discussion_statements s left join accounts a on a.committee_id = s.committee_id and a.id = s.author_account_id
      where s.committee_id = ${actor.committeeId} and s.discussion_id = ${d.id} and s.state = 'shown'
        and not exists (select 1 from discussion_votes v where v.committee_id = s.committee_id and v.statement_id = s.id and v.account_id = ${me})
      order by s.pinned desc, s.agree + s.disagree + s.pass, s.id limit 1`,
  );
  const voted = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from discussion_votes where committee_id = ${actor.committeeId} and discussion_id = ${d.id} and account_id = ${me}`,
  );
  if (!rows[0]) return { statement: null, remaining: 0, voted: voted!.n };
  const { remaining, ...next } = rows[0];
  return {
    statement: presentStatement(next, actor, d),
    remaining,
    voted: voted!.n,
  };
}

/**
 * The votes the map is made of: those on the discussion's shown statements. Two plain reads and a filter here, not a
 * join: on PGlite (no autovacuum, so no statistics after bulk votes) the planner joined 100,000 votes to their
 * statements in minutes (171 s measured in bench/discussions.ts); each read alone takes an index or a scan.
 */
export async function mapVotes(tx: Db, committeeId: number, discussionId: number): Promise<MapVote[]> {
  const shown = await query<{ id: number }>(
    tx,
    sql`select id from discussion_statements where committee_id = ${committeeId} and discussion_id = ${discussionId} and state = 'shown'`,
  );
  const keep = new Set(shown.map((r) => r.id));
  // The votes come as one string of numbers (account, statement, vote, account, …), not 100,000 rows: the driver turns
  // each row into an object on the event loop (a 100,000-row read held it 120–180 ms, stalling every vote in flight;
  // this read holds it 4–18 ms). One aggregate, so the three numbers of a vote stay together whatever the scan order.
  const all = await queryOne<{ flat: string | null }>(
    tx,
    sql`select string_agg(account_id || ',' || statement_id || ',' || vote, ',') as flat
      from discussion_votes where committee_id = ${committeeId} and discussion_id = ${discussionId}`,
  );
  const n = all?.flat ? all.flat.split(',').map(Number) : [];
  const out: MapVote[] = [];
  for (let i = 0; i < n.length; i += 3)
    if (keep.has(n[i + 1])) out.push({ accountId: n[i], statementId: n[i + 1], vote: n[i + 2] });
  return out;
}

/**
 * Recomputes and stores the map of one discussion from the votes on its shown statements, without holding a
 * transaction while it computes: the votes are read in one short transaction, the map is computed (in the worker thread
 * when large) with the database free for votes, then stored in another short one. A vote cast meanwhile is in the next
 * map (it kicked the job again). Undefined when the discussion no longer exists.
 */
export async function recomputeMap(db: Db, committeeId: number, discussionId: number): Promise<OpinionMap | undefined> {
  const votes = await db.transaction(async (tx) => {
    const exists = await queryOne(
      tx,
      sql`select 1 from discussions where committee_id = ${committeeId} and id = ${discussionId}`,
    );
    return exists ? mapVotes(tx, committeeId, discussionId) : null;
  });
  if (!votes) return undefined;
  const map = await computeOpinionMapOffThread(votes);
  await db.transaction(async (tx) => {
    // Deleted while computing: nothing to store (the insert would break its foreign key).
    await tx.execute(sql`insert into discussion_maps (committee_id, discussion_id, computed_at, vote_count, result)
      select ${committeeId}, ${discussionId}, now(), ${votes.length}, ${JSON.stringify(map)}::jsonb
        from discussions where committee_id = ${committeeId} and id = ${discussionId}
      on conflict (committee_id, discussion_id) do update set computed_at = excluded.computed_at,
        vote_count = excluded.vote_count, result = excluded.result`);
    await publishLive(tx, liveTopic(committeeId, discussionId));
  });
  return map;
}

registerJobHandler(
  MAP_JOB,
  (db: Db, job: Job) => recomputeMap(db, job.committee_id, job.payload.discussionId).then(() => {}),
  {
    ownTransactions: true,
  },
);

/**
 * Staff ask for the map now (after seeding votes, before a meeting): the job is scheduled due at once and the caller
 * starts a scheduler pass in the background, so the map is computed off the request and arrives over the live stream.
 */
export async function requestMap(db: Db, actor: Actor, discussionId: number) {
  await db.transaction(async (tx) => {
    const d = await loadDiscussion(tx, actor, discussionId);
    await scheduleJob(tx, {
      committeeId: actor.committeeId,
      kind: MAP_JOB,
      runAt: new Date(),
      payload: { discussionId: d.id },
      dedupeKey: `${MAP_JOB}:${d.id}:now`,
    });
    await writeAudit(tx, actor, { action: 'discussion.map.request', entity: 'discussion', entityId: d.id });
  });
}

export async function storedMap(db: Db, committeeId: number, discussionId: number) {
  return queryOne<{ computed_at: Date; vote_count: number; result: OpinionMap }>(
    db,
    sql`select computed_at, vote_count, result from discussion_maps where committee_id = ${committeeId} and discussion_id = ${discussionId}`,
  );
}

/** The map as the viewer may see it: participants get unnamed dots (their own marked), staff get who is where. */
export async function readMap(db: Db, actor: Actor, discussionId: number) {
  const d = await loadDiscussion(db, actor, discussionId);
  const stored = await storedMap(db, actor.committeeId, d.id);
  if (!stored)
    return {
      computedAt: null,
      participants: 0,
      clustered: 0,
      k: 0,
      points: [],
      groups: [],
      consensus: [],
      divisive: [],
    };
  const m = stored.result;
  const ids = [
    ...new Set([
      ...m.groups.flatMap((g) => g.distinctive.map((x) => x.statementId)),
      ...m.consensus.map((c) => c.statementId),
      ...m.divisive.map((c) => c.statementId),
    ]),
  ];
  const bodies = new Map(
    (
      await query<{ id: number; body: string }>(
        db,
        sql`select id, body from discussion_statements where committee_id = ${actor.committeeId} and id = any(${sql.param(ids.length ? ids : [0])}::int[])`,
      )
    ).map((r) => [r.id, r.body]),
  );
  const staff = isStaff(actor);
  const names = staff
    ? new Map(
        (
          await query<{ id: number; display_name: string }>(
            db,
            sql`select id, display_name from accounts where committee_id = ${actor.committeeId} and id = any(${sql.param(m.points.map((p) => p.accountId).concat(0))}::int[])`,
          )
        ).map((r) => [r.id, r.display_name]),
      )
    : null;
  const body = (id: number) => bodies.get(id) ?? '';
  return {
    computedAt: new Date(stored.computed_at).toISOString(),
    participants: m.participants,
    clustered: m.clustered,
    k: m.k,
    points: m.points.map((p) => ({
      x: p.x,
      y: p.y,
      group: p.group,
      me: p.accountId === actor.accountId,
      name: names?.get(p.accountId) ?? null,
    })),
    groups: m.groups.map((g) => ({
      ...g,
      distinctive: g.distinctive.map((x) => ({ ...x, body: body(x.statementId) })),
    })),
    consensus: m.consensus.map((c) => ({ ...c, body: body(c.statementId) })),
    divisive: m.divisive.map((c) => ({ ...c, body: body(c.statementId) })),
  };
}
