// Online discussions: open and edit one (staff), who may take part, list and show, and the committee's settings (the
// statement length and the word filter). Statements, votes, the map and the summary are in their own discussion-* files.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { idOfClientKey } from '../../platform/db/client-key.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { getSetting, putSetting } from '../../platform/settings/settings.ts';
import { normaliseLine } from '../../platform/text/normalise.ts';
import { AUDIENCES, type DiscussionBody, type DiscussionSettings } from './discussion-schemas.ts';

export const SETTINGS_KEY = 'discussion.settings';
export const DEFAULT_SETTINGS: DiscussionSettings = { maxLength: 140, words: [] };

export const discussionNotFound = () => notFound('discussion.not_found', '网络议政不存在');
export const notOpen = () => conflict('discussion.not_open', '网络议政不在开放时间内');

export interface DiscussionRow {
  id: number;
  event_id: number | null;
  topic: string;
  background: string;
  audience: keyof typeof AUDIENCES;
  account_ids: number[];
  opens_at: Date;
  closes_at: Date;
  premoderated: boolean;
  anonymous: boolean;
  max_length: number;
  summary: string | null;
  summary_saved_at: Date | null;
  outcome_id: number | null;
  created_at: Date;
}

export const isStaff = (actor: Actor) => can(actor.roles, 'discussion.manage');

export async function discussionSettings(db: Db, committeeId: number): Promise<DiscussionSettings> {
  // Settings are per committee, not per year: year 0 is the committee's undated value.
  return getSetting(db, committeeId, SETTINGS_KEY, 0, DEFAULT_SETTINGS);
}

export async function saveDiscussionSettings(db: Db, actor: Actor, s: DiscussionSettings): Promise<void> {
  const words = [...new Set(s.words.map(normaliseLine).filter(Boolean))];
  await db.transaction((tx) => putSetting(tx, actor, SETTINGS_KEY, 0, { maxLength: s.maxLength, words }));
}

/** Whether the actor is one of the discussion's participants (staff read every discussion but are not counted). */
export function mayTakePart(actor: Actor, d: DiscussionRow): boolean {
  // An invited citizen (discussion-guests.ts) takes part in the one discussion of its invitation, whatever its audience.
  if ('guestOf' in actor) return actor.guestOf === d.id;
  if (d.audience === 'committee') return actor.accountId !== null;
  if (d.audience === 'members') return actor.roles.includes('member');
  return actor.accountId !== null && d.account_ids.includes(actor.accountId);
}

/** The discussion as the actor may see it: staff any of the committee's, others only those they take part in. */
export async function loadDiscussion(db: Db, actor: Actor, id: number, lock = false): Promise<DiscussionRow> {
  const d = await queryOne<DiscussionRow>(
    db,
    sql`select * from discussions where committee_id = ${actor.committeeId} and id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!d || !(isStaff(actor) || mayTakePart(actor, d))) throw discussionNotFound();
  // Inside a transaction a driver may hand timestamps back as text: one shape for the rules below.
  for (const k of ['opens_at', 'closes_at', 'created_at', 'summary_saved_at'] as const)
    if (d[k] !== null) (d as any)[k] = new Date(d[k] as Date);
  return d;
}

export const isOpenNow = (d: DiscussionRow, now = new Date()) => d.opens_at <= now && now < d.closes_at;

/** A participant acting on a discussion: it must be theirs and open. */
export async function loadForParticipant(db: Db, actor: Actor, id: number): Promise<DiscussionRow> {
  const d = await loadDiscussion(db, actor, id);
  if (!mayTakePart(actor, d)) throw forbidden('discussion.not_participant', '您不在本次网络议政的参与范围内');
  if (!isOpenNow(d)) throw notOpen();
  return d;
}

async function checkBody(tx: Db, actor: Actor, b: DiscussionBody) {
  if (!b.topic.trim()) throw badRequest('discussion.topic', '「议题」不能为空', 'topic');
  if (new Date(b.closesAt) <= new Date(b.opensAt))
    throw badRequest('discussion.closes_at', '「截止时间」应晚于开始时间', 'closesAt');
  if (b.audience === 'named' && !b.accountIds?.length)
    throw badRequest('discussion.account_ids', '请选择参与的人员', 'accountIds');
  if (b.accountIds?.length) {
    const n = await queryOne<{ n: number }>(
      tx,
      sql`select count(*)::int as n from accounts where committee_id = ${actor.committeeId} and id = any(${sql.param(b.accountIds)}::int[])`,
    );
    if (n!.n !== new Set(b.accountIds).size) throw badRequest('discussion.account_ids', '所选人员不存在', 'accountIds');
  }
  if (b.eventId) {
    const e = await queryOne(
      tx,
      sql`select 1 from consultation_events where committee_id = ${actor.committeeId} and id = ${b.eventId}`,
    );
    if (!e) throw badRequest('discussion.event', '所选协商活动不存在', 'eventId');
  }
}

export async function createDiscussion(db: Db, actor: Actor, b: DiscussionBody): Promise<number> {
  return db.transaction(async (tx) => {
    const seen = b.clientKey && (await idOfClientKey(tx, 'discussions', actor.committeeId, b.clientKey));
    if (seen) return seen;
    await checkBody(tx, actor, b);
    const settings = await discussionSettings(tx, actor.committeeId);
    const row = await queryOne<{ id: number }>(
      tx,
      sql`insert into discussions (committee_id, event_id, topic, background, audience, account_ids, opens_at, closes_at,
          premoderated, anonymous, max_length, client_key, created_by)
        values (${actor.committeeId}, ${b.eventId ?? null}, ${b.topic.trim()}, ${b.background?.trim() ?? ''}, ${b.audience},
          ${sql.param(b.audience === 'named' ? [...new Set(b.accountIds)] : [])}::int[], ${b.opensAt}, ${b.closesAt},
          ${b.premoderated ?? false}, ${b.anonymous ?? true}, ${b.maxLength ?? settings.maxLength}, ${b.clientKey ?? null}, ${actor.accountId})
        on conflict (committee_id, client_key) do nothing
        returning id`,
    );
    // A parallel retry with the same key lost the race: it gets the first one's id.
    if (!row) return (await idOfClientKey(tx, 'discussions', actor.committeeId, b.clientKey!))!;
    await writeAudit(tx, actor, {
      action: 'discussion.create',
      entity: 'discussion',
      entityId: row.id,
      before: null,
      after: b,
    });
    return row.id;
  });
}

export async function updateDiscussion(db: Db, actor: Actor, id: number, b: DiscussionBody): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadDiscussion(tx, actor, id, true);
    await checkBody(tx, actor, b);
    await tx.execute(sql`update discussions set topic = ${b.topic.trim()}, background = ${b.background?.trim() ?? ''},
        event_id = ${b.eventId ?? null}, audience = ${b.audience},
        account_ids = ${sql.param(b.audience === 'named' ? [...new Set(b.accountIds)] : [])}::int[],
        opens_at = ${b.opensAt}, closes_at = ${b.closesAt}, premoderated = ${b.premoderated ?? false},
        anonymous = ${b.anonymous ?? true}, max_length = ${b.maxLength ?? before.max_length}
      where committee_id = ${actor.committeeId} and id = ${id}`);
    await writeAudit(tx, actor, { action: 'discussion.update', entity: 'discussion', entityId: id, before, after: b });
  });
}

export function presentDiscussion(d: DiscussionRow, actor: Actor, now = new Date()) {
  const staff = isStaff(actor);
  return {
    id: d.id,
    eventId: d.event_id,
    topic: d.topic,
    background: d.background,
    audience: d.audience,
    audienceLabel: AUDIENCES[d.audience],
    accountIds: staff ? d.account_ids : [],
    opensAt: d.opens_at.toISOString(),
    closesAt: d.closes_at.toISOString(),
    premoderated: d.premoderated,
    anonymous: d.anonymous,
    maxLength: d.max_length,
    status: now < d.opens_at ? 'upcoming' : now < d.closes_at ? 'open' : 'closed',
    outcomeId: staff ? d.outcome_id : null,
    can: { manage: staff, takePart: mayTakePart(actor, d) && isOpenNow(d, now) },
  };
}

export async function listDiscussions(db: Db, actor: Actor, limit: number, offset: number) {
  const rows = await query<DiscussionRow & { total: number; statements: number; participants: number }>(
    db,
    sql`select d.*, count(*) over ()::int as total,
        (select count(*)::int from discussion_statements s where s.committee_id = d.committee_id and s.discussion_id = d.id and s.state = 'shown') as statements,
        (select count(distinct v.account_id)::int from discussion_votes v where v.committee_id = d.committee_id and v.discussion_id = d.id) as participants
      from discussions d
      where d.committee_id = ${actor.committeeId}
        ${
          isStaff(actor)
            ? sql``
            : sql`and (d.audience = 'committee' or (d.audience = 'members' and ${actor.roles.includes('member')})
                or (d.audience = 'named' and ${actor.accountId ?? 0} = any(d.account_ids)))`
        }
      order by d.opens_at desc, d.id desc limit ${limit} offset ${offset}`,
  );
  for (const r of rows) for (const k of ['opens_at', 'closes_at'] as const) r[k] = new Date(r[k]);
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      ...presentDiscussion(r, actor),
      statements: r.statements,
      participants: r.participants,
    })),
  };
}
