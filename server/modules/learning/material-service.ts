// Study materials and a member's progress: staff create a material from an uploaded file and publish it; a member
// opens it in the reader/player (progress-service.ts keeps what they have studied).
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { attachFiles } from '../../platform/files/files.ts';
import { matchSearch, toSearchVector } from '../../platform/search/search.ts';
import { allowedActions, listTransitions } from '../../platform/workflow/engine.ts';
import { fireOnItem } from '../../platform/workflow/fire-on-item.ts';
import * as E from './errors.ts';
import { isLearningStaff } from './policy.ts';
import { MATERIAL_STATES, materialProcess } from './process.ts';
import { loadMaterialItem } from './repository.ts';
import { MATERIAL_KINDS, type MaterialFilters, type MaterialInput } from './schemas.ts';
import { mimeFits } from './settings.ts';

async function checkMaterial(tx: Db, actor: Actor, b: MaterialInput) {
  if (b.planId) {
    const p = await queryOne(
      tx,
      sql`select 1 from learning_plans where committee_id = ${actor.committeeId} and id = ${b.planId}`,
    );
    if (!p) throw E.badPlan();
  }
  const f = await queryOne<{ mime: string }>(
    tx,
    sql`select mime from files where committee_id = ${actor.committeeId} and id = ${b.fileId}`,
  );
  if (!f) throw E.badFile();
  if (!mimeFits(b.kind, f.mime)) throw E.fileKindMismatch(MATERIAL_KINDS[b.kind]);
}

export async function createMaterial(db: Db, actor: Actor, b: MaterialInput): Promise<number> {
  return db.transaction(async (tx) => {
    await checkMaterial(tx, actor, b);
    const row = await queryOne<{ id: number }>(
      tx,
      sql`insert into learning_materials (committee_id, title, kind, description, plan_id, theme, file_id, duration_seconds, created_by, search)
        values (${actor.committeeId}, ${b.title.trim()}, ${b.kind}, ${b.description?.trim() ?? ''}, ${b.planId ?? null}, ${b.theme?.trim() ?? ''},
          ${b.fileId}, ${b.durationSeconds ?? null}, ${actor.accountId}, ${toSearchVector(b.title, b.theme, b.description)}) returning id`,
    );
    await attachFiles(tx, actor, [b.fileId], 'learning_material', row!.id);
    await writeAudit(tx, actor, {
      action: 'learning.material.create',
      entity: 'learning_material',
      entityId: row!.id,
      after: b,
    });
    return row!.id;
  });
}

export async function updateMaterial(db: Db, actor: Actor, id: number, b: MaterialInput): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await queryOne<
      Pick<MaterialRow, 'title' | 'kind' | 'description' | 'plan_id' | 'theme' | 'file_id'>
    >(
      tx,
      sql`select title, kind, description, plan_id, theme, file_id from learning_materials where committee_id = ${actor.committeeId} and id = ${id} for update`,
    );
    if (!before) throw E.materialNotFound();
    await checkMaterial(tx, actor, b);
    if (b.fileId !== before.file_id) await attachFiles(tx, actor, [b.fileId], 'learning_material', id);
    await tx.execute(sql`update learning_materials set title = ${b.title.trim()}, kind = ${b.kind}, description = ${b.description?.trim() ?? ''},
        plan_id = ${b.planId ?? null}, theme = ${b.theme?.trim() ?? ''}, file_id = ${b.fileId}, duration_seconds = ${b.durationSeconds ?? null},
        search = ${toSearchVector(b.title, b.theme, b.description)}
      where committee_id = ${actor.committeeId} and id = ${id}`);
    await writeAudit(tx, actor, {
      action: 'learning.material.update',
      entity: 'learning_material',
      entityId: id,
      before,
      after: b,
    });
  });
}

const materialColumns = (
  memberId: number | null,
) => sql`m.id, m.title, m.kind, m.description, m.plan_id, m.theme, m.file_id, m.duration_seconds,
  m.state, m.published_at, f.name as file_name, f.mime as file_mime, f.size as file_size,
  p.percent, p.position_seconds, p.duration_seconds as my_duration_seconds, p.finished_at,
  (select count(*)::int from learning_progress x where x.committee_id = m.committee_id and x.material_id = m.id and x.finished_at is not null) as finished_count
  from learning_materials m
  left join files f on f.committee_id = m.committee_id and f.id = m.file_id
  left join learning_progress p on p.committee_id = m.committee_id and p.material_id = m.id and p.member_id = ${memberId ?? -1}`;

/** A row of materialColumns: a material, its file and the reader's own progress. */
interface MaterialRow {
  id: number;
  title: string;
  kind: string;
  description: string;
  plan_id: number | null;
  theme: string;
  file_id: number;
  duration_seconds: number | null;
  state: string;
  published_at: string | Date | null;
  file_name: string | null;
  file_mime: string | null;
  file_size: number | null;
  percent: number | null;
  position_seconds: number | null;
  my_duration_seconds: number | null;
  finished_at: string | Date | null;
  finished_count: number;
}

const presentMaterial = (r: MaterialRow) => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  kindLabel: MATERIAL_KINDS[r.kind] ?? r.kind,
  description: r.description,
  planId: r.plan_id,
  theme: r.theme,
  fileId: r.file_id,
  fileName: r.file_name,
  fileMime: r.file_mime,
  fileSize: r.file_size,
  durationSeconds: r.duration_seconds,
  state: r.state,
  stateLabel: MATERIAL_STATES[r.state] ?? r.state,
  publishedAt: iso(r.published_at),
  myPercent: r.percent ?? 0,
  myPositionSeconds: r.position_seconds ?? 0,
  myDurationSeconds: r.my_duration_seconds ?? null,
  myFinishedAt: iso(r.finished_at),
  finishedCount: r.finished_count,
});

export async function listMaterials(db: Db, actor: Actor, q: MaterialFilters & { limit: number; offset: number }) {
  // Members and leaders read what is published; drafts and withdrawn ones are the staff's.
  const visible = isLearningStaff(actor) ? null : sql`m.state = 'published'`;
  const where = sql.join(
    [
      sql`m.committee_id = ${actor.committeeId}`,
      visible,
      q.kind ? sql`m.kind = ${q.kind}` : null,
      q.state && isLearningStaff(actor) ? sql`m.state = ${q.state}` : null,
      q.planId ? sql`m.plan_id = ${q.planId}` : null,
      matchSearch(sql`m.search`, q.q),
    ].filter((x) => x !== null),
    sql` and `,
  );
  const rows = await query<MaterialRow>(
    db,
    sql`select ${materialColumns(actor.memberId)} where ${where} order by m.published_at desc nulls first, m.id desc limit ${q.limit} offset ${q.offset}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from learning_materials m where ${where}`,
  );
  return { items: rows.map(presentMaterial), total: total!.n };
}

export async function getMaterial(db: Db, actor: Actor, id: number) {
  const r = await queryOne<MaterialRow>(
    db,
    sql`select ${materialColumns(actor.memberId)} where m.committee_id = ${actor.committeeId} and m.id = ${id}`,
  );
  if (!r || (r.state !== 'published' && !isLearningStaff(actor))) throw E.materialNotFound();
  const item = { id: r.id, state: r.state, committeeId: actor.committeeId, title: r.title, kind: r.kind };
  return {
    ...presentMaterial(r),
    actions: allowedActions(materialProcess, actor, item),
    timeline: isLearningStaff(actor) ? await listTransitions(db, materialProcess, actor.committeeId, id, actor) : [],
  };
}

const MATERIAL = { load: loadMaterialItem, process: materialProcess, notFound: E.materialNotFound };

export async function fireMaterialAction(db: Db, actor: Actor, id: number, action: string, comment?: string) {
  await fireOnItem(db, actor, id, MATERIAL, { action, comment });
}
