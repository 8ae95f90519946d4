// Village histories (村史): editors keep one project per village or community (township, compilers, status); its
// chapters are archive articles that point to it and go through the ordinary editorial workflow.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import { insertAudited } from '../../platform/audit/insert-audited.ts';
import type { Actor } from '../../platform/context.ts';
import { iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { refuseIfFound } from '../../platform/db/refuse-if-found.ts';
import { normaliseText } from '../../platform/text/normalise.ts';
import * as E from './errors.ts';
import { isEditor } from './policy.ts';
import { VILLAGE_STATES, type VillageInput } from './schemas.ts';

const clean = (xs: string[]) => [...new Set(xs.map((x) => normaliseText(x).trim()).filter(Boolean))];

/** Refuses a village project of another committee or none (articles pointing to it). */
export async function checkVillage(tx: Db, committeeId: number, id: number | null | undefined) {
  if (!id) return;
  const v = await queryOne(tx, sql`select 1 from archive_villages where committee_id = ${committeeId} and id = ${id}`);
  if (!v) throw E.badVillage();
}

function normalise(b: VillageInput) {
  if (b.state === 'published' && !b.publishedOn) throw E.villageNoPublishedOn();
  return {
    village: normaliseText(b.village).trim(),
    township: normaliseText(b.township).trim(),
    title: normaliseText(b.title).trim(),
    description: normaliseText(b.description ?? '').trim(),
    editors: clean(b.editors),
    state: b.state,
    startedOn: b.startedOn ?? null,
    publishedOn: b.state === 'published' ? (b.publishedOn ?? null) : null,
  };
}

async function checkUnique(tx: Db, committeeId: number, v: { village: string; township: string }, except = 0) {
  await refuseIfFound(
    tx,
    sql`select 1 from archive_villages where committee_id = ${committeeId} and township = ${v.township}
      and village = ${v.village} and id <> ${except}`,
    E.villageExists,
  );
}

export async function createVillage(db: Db, actor: Actor, b: VillageInput): Promise<number> {
  const v = normalise(b);
  return db.transaction(async (tx) => {
    await checkUnique(tx, actor.committeeId, v);
    return insertAudited(
      tx,
      actor,
      sql`insert into archive_villages (committee_id, village, township, title, description, editors, state, started_on, published_on, created_by)
        values (${actor.committeeId}, ${v.village}, ${v.township}, ${v.title}, ${v.description}, ${sql.param(v.editors)}::text[],
          ${v.state}, ${v.startedOn}, ${v.publishedOn}, ${actor.accountId}) returning id`,
      { action: 'archive.village.create', entity: 'archive_village', after: v },
    );
  });
}

export async function updateVillage(db: Db, actor: Actor, id: number, b: VillageInput): Promise<void> {
  const v = normalise(b);
  await db.transaction(async (tx) => {
    const before = await queryOne<
      Pick<VillageRow, 'village' | 'township' | 'title' | 'description' | 'editors' | 'state'> & {
        startedOn: string | null;
        publishedOn: string | null;
      }
    >(
      tx,
      sql`select village, township, title, description, editors, state, started_on::text as "startedOn", published_on::text as "publishedOn"
        from archive_villages where committee_id = ${actor.committeeId} and id = ${id} for update`,
    );
    if (!before) throw E.villageNotFound();
    await checkUnique(tx, actor.committeeId, v, id);
    await tx.execute(sql`update archive_villages set village = ${v.village}, township = ${v.township}, title = ${v.title},
        description = ${v.description}, editors = ${sql.param(v.editors)}::text[], state = ${v.state},
        started_on = ${v.startedOn}, published_on = ${v.publishedOn}, updated_at = now()
      where committee_id = ${actor.committeeId} and id = ${id}`);
    await writeAudit(tx, actor, {
      action: 'archive.village.update',
      entity: 'archive_village',
      entityId: id,
      before,
      after: v,
    });
  });
}

// Readers other than editors count only the published chapters: manuscripts are the editors' and their authors'.
const columns = (actor: Actor) => sql`v.id, v.village, v.township, v.title, v.description, v.editors, v.state,
  v.started_on::text as started_on, v.published_on::text as published_on, v.updated_at,
  (select count(*)::int from archive_articles a where a.committee_id = v.committee_id and a.village_id = v.id
    ${isEditor(actor) ? sql`` : sql`and a.state = 'published'`}) as articles,
  (select count(*)::int from archive_articles a where a.committee_id = v.committee_id and a.village_id = v.id
    and a.state = 'published') as published
  from archive_villages v`;

/** A row of `columns`: a village record with its article counts. */
interface VillageRow {
  id: number;
  village: string;
  township: string;
  title: string;
  description: string;
  editors: string[];
  state: string;
  started_on: string | null;
  published_on: string | null;
  updated_at: string | Date;
  articles: number;
  published: number;
}

const present = (r: VillageRow) => ({
  id: r.id,
  village: r.village,
  township: r.township,
  title: r.title,
  description: r.description,
  editors: r.editors,
  state: r.state,
  stateLabel: VILLAGE_STATES[r.state] ?? r.state,
  startedOn: r.started_on,
  publishedOn: r.published_on,
  updatedAt: iso(r.updated_at),
  articles: r.articles,
  published: r.published,
});

export async function listVillages(db: Db, actor: Actor, q: { township?: string; state?: string }) {
  const where = sql.join(
    [
      sql`v.committee_id = ${actor.committeeId}`,
      q.township ? sql`v.township = ${q.township}` : null,
      q.state ? sql`v.state = ${q.state}` : null,
    ].filter((x) => x !== null),
    sql` and `,
  );
  const rows = await query<VillageRow>(
    db,
    sql`select ${columns(actor)} where ${where} order by v.township, v.village, v.id`,
  );
  return { items: rows.map(present), total: rows.length };
}

export async function getVillage(db: Db, actor: Actor, id: number) {
  const r = await queryOne<VillageRow>(
    db,
    sql`select ${columns(actor)} where v.committee_id = ${actor.committeeId} and v.id = ${id}`,
  );
  if (!r) throw E.villageNotFound();
  return { ...present(r), canEdit: isEditor(actor) };
}
