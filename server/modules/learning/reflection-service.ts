// Reflections (心得): a member writes one on a material or a class, saves drafts, submits; staff accept (duty fact)
// or return it with a reason; the member edits a returned one and submits again.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import { insertAudited } from '../../platform/audit/insert-audited.ts';
import type { Actor } from '../../platform/context.ts';
import { iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { matchSearch, toSearchVector } from '../../platform/search/search.ts';
import { allowedActions, listTransitions } from '../../platform/workflow/engine.ts';
import { fireOnItem } from '../../platform/workflow/fire-on-item.ts';
import { memberDirectory } from '../org/members-directory.ts';
import * as E from './errors.ts';
import { canSeeReflection, isReviewer } from './policy.ts';
import { REFLECTION_STATES, reflectionProcess } from './process.ts';
import { loadReflectionItem } from './repository.ts';
import type { ReflectionFilters, ReflectionInput } from './schemas.ts';

async function checkRefs(tx: Db, actor: Actor, b: ReflectionInput) {
  if (b.materialId) {
    const m = await queryOne(
      tx,
      sql`select 1 from learning_materials where committee_id = ${actor.committeeId} and id = ${b.materialId} and state = 'published'`,
    );
    if (!m) throw E.badMaterialRef();
  }
  if (b.classId) {
    const c = await queryOne(
      tx,
      sql`select 1 from learning_classes where committee_id = ${actor.committeeId} and id = ${b.classId}`,
    );
    if (!c) throw E.badClassRef();
  }
}

export async function createReflection(db: Db, actor: Actor, b: ReflectionInput): Promise<number> {
  if (!actor.memberId) throw E.notMember();
  return db.transaction(async (tx) => {
    await checkRefs(tx, actor, b);
    return insertAudited(
      tx,
      actor,
      sql`insert into learning_reflections (committee_id, member_id, material_id, class_id, title, body, search)
        values (${actor.committeeId}, ${actor.memberId}, ${b.materialId ?? null}, ${b.classId ?? null}, ${b.title.trim()}, ${b.body.trim()},
          ${toSearchVector(b.title, b.body)}) returning id`,
      { action: 'learning.reflection.create', entity: 'learning_reflection', after: b },
    );
  });
}

export async function updateReflection(db: Db, actor: Actor, id: number, b: ReflectionInput): Promise<void> {
  await db.transaction(async (tx) => {
    const r = await loadReflectionItem(tx, actor.committeeId, id, true);
    if (!r || !canSeeReflection(actor, r)) throw E.reflectionNotFound();
    if (r.memberId !== actor.memberId || !['draft', 'returned'].includes(r.state)) throw E.notEditable();
    await checkRefs(tx, actor, b);
    await tx.execute(sql`update learning_reflections set title = ${b.title.trim()}, body = ${b.body.trim()}, material_id = ${b.materialId ?? null},
        class_id = ${b.classId ?? null}, search = ${toSearchVector(b.title, b.body)}, updated_at = now()
      where committee_id = ${actor.committeeId} and id = ${id}`);
    await writeAudit(tx, actor, {
      action: 'learning.reflection.update',
      entity: 'learning_reflection',
      entityId: id,
      before: { title: r.title },
      after: b,
    });
  });
}

const columns = sql`r.id, r.state, r.member_id, mb.name as member_name, r.material_id, lm.title as material_title, r.class_id,
  lc.title as class_title, r.title, r.body, r.submitted_at, r.reviewed_at, r.updated_at
  from learning_reflections r
  join ${memberDirectory} mb on mb.committee_id = r.committee_id and mb.id = r.member_id
  left join learning_materials lm on lm.committee_id = r.committee_id and lm.id = r.material_id
  left join learning_classes lc on lc.committee_id = r.committee_id and lc.id = r.class_id`;

/** A row of `columns`: a reflection with its member's, material's and class's names. */
interface ReflectionRow {
  id: number;
  state: string;
  member_id: number;
  member_name: string;
  material_id: number | null;
  material_title: string | null;
  class_id: number | null;
  class_title: string | null;
  title: string;
  body: string;
  submitted_at: string | Date | null;
  reviewed_at: string | Date | null;
  updated_at: string | Date;
}

const present = (r: ReflectionRow) => ({
  id: r.id,
  state: r.state,
  stateLabel: REFLECTION_STATES[r.state] ?? r.state,
  memberId: r.member_id,
  memberName: r.member_name,
  materialId: r.material_id,
  materialTitle: r.material_title,
  classId: r.class_id,
  classTitle: r.class_title,
  title: r.title,
  body: r.body,
  submittedAt: iso(r.submitted_at),
  reviewedAt: iso(r.reviewed_at),
  updatedAt: iso(r.updated_at),
});

export async function listReflections(db: Db, actor: Actor, q: ReflectionFilters & { limit: number; offset: number }) {
  // Reviewers see every submitted one (drafts stay the author's); a member sees only his own.
  const scope =
    isReviewer(actor) && !q.mine
      ? sql`(r.state <> 'draft' or r.member_id = ${actor.memberId ?? -1})`
      : sql`r.member_id = ${actor.memberId ?? -1}`;
  const where = sql.join(
    [
      sql`r.committee_id = ${actor.committeeId}`,
      scope,
      q.state ? sql`r.state = ${q.state}` : null,
      matchSearch(sql`r.search`, q.q),
    ].filter((x) => x !== null),
    sql` and `,
  );
  const rows = await query<ReflectionRow>(
    db,
    sql`select ${columns} where ${where} order by r.updated_at desc, r.id desc limit ${q.limit} offset ${q.offset}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from learning_reflections r where ${where}`,
  );
  return { items: rows.map(present), total: total!.n };
}

export async function getReflection(db: Db, actor: Actor, id: number) {
  const r = await queryOne<ReflectionRow>(
    db,
    sql`select ${columns} where r.committee_id = ${actor.committeeId} and r.id = ${id}`,
  );
  const item = r && (await loadReflectionItem(db, actor.committeeId, id));
  if (!r || !item || !canSeeReflection(actor, item)) throw E.reflectionNotFound();
  if (item.state === 'draft' && item.memberId !== actor.memberId) throw E.reflectionNotFound();
  return {
    ...present(r),
    actions: allowedActions(reflectionProcess, actor, item),
    timeline: await listTransitions(db, reflectionProcess, actor.committeeId, id, actor),
  };
}

export async function fireReflectionAction(db: Db, actor: Actor, id: number, action: string, comment?: string) {
  await fireOnItem(
    db,
    actor,
    id,
    {
      load: loadReflectionItem,
      process: reflectionProcess,
      notFound: E.reflectionNotFound,
      visible: (r) => canSeeReflection(actor, r) && !(r.state === 'draft' && r.memberId !== actor.memberId),
    },
    { action, comment },
  );
}
