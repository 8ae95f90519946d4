// 一委一品: a special committee's signature project of a year — goal, milestones (due on a Beijing day, marked done)
// and progress entries with photos (platform files, entity 'signature_progress'). Staff of that special committee
// (or the office) write; everyone who may read the workspace reads.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingToday } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { attachFiles } from '../../platform/files/files.ts';
import { normaliseText } from '../../platform/text/normalise.ts';
import { unitName } from '../org/workspace-units.ts';
import { assertManage, mayRead, scopeOf } from './scope.ts';

const projectNotFound = () => notFound('workspace.project_not_found', '一委一品项目不存在');
const milestoneNotFound = () => notFound('workspace.milestone_not_found', '项目节点不存在');

export async function signatureOf(db: Db, actor: Actor, specialCommitteeId: number, year: number) {
  const c = actor.committeeId;
  const p = await queryOne<{ id: number; title: string; goal: string }>(
    db,
    sql`select id, title, goal from signature_projects
      where committee_id = ${c} and special_committee_id = ${specialCommitteeId} and year = ${year}`,
  );
  if (!p) return null;
  const [milestones, progress, files] = await Promise.all([
    query<{ id: number; title: string; dueOn: string; doneOn: string | null }>(
      db,
      sql`select id, title, to_char(due_on, 'YYYY-MM-DD') as "dueOn", to_char(done_on, 'YYYY-MM-DD') as "doneOn"
        from signature_milestones where committee_id = ${c} and project_id = ${p.id} order by due_on, id`,
    ),
    query<{ id: number; body: string; entryOn: string; authorName: string }>(
      db,
      sql`select id, body, to_char(entry_on, 'YYYY-MM-DD') as "entryOn", author_name as "authorName"
        from signature_progress where committee_id = ${c} and project_id = ${p.id} order by entry_on desc, id desc`,
    ),
    query<{ id: number; name: string; mime: string; entity_id: number }>(
      db,
      sql`select f.id, f.name, f.mime, f.entity_id from files f join signature_progress g
          on g.committee_id = f.committee_id and g.id = f.entity_id and g.project_id = ${p.id}
        where f.committee_id = ${c} and f.entity = 'signature_progress' order by f.id`,
    ),
  ]);
  return {
    ...p,
    year,
    milestones,
    progress: progress.map((g) => ({
      ...g,
      photos: files.filter((f) => f.entity_id === g.id).map(({ entity_id: _, ...f }) => f),
    })),
  };
}

/** Sets the year's project of the special committee (creates it the first time). */
export async function saveProject(
  db: Db,
  actor: Actor,
  specialCommitteeId: number,
  b: { year: number; title: string; goal: string },
): Promise<number> {
  if (!(await unitName(db, actor.committeeId, 'specialCommittee', specialCommitteeId)))
    throw notFound('workspace.unit_not_found', '专委会不存在');
  assertManage(await scopeOf(db, actor), specialCommitteeId);
  const title = normaliseText(b.title).trim();
  const goal = normaliseText(b.goal).trim();
  return db.transaction(async (tx) => {
    const before = await queryOne<{ id: number; title: string; goal: string }>(
      tx,
      sql`select id, title, goal from signature_projects where committee_id = ${actor.committeeId}
        and special_committee_id = ${specialCommitteeId} and year = ${b.year} for update`,
    );
    const [row] = await query<{ id: number }>(
      tx,
      sql`insert into signature_projects (committee_id, special_committee_id, year, title, goal, created_by)
        values (${actor.committeeId}, ${specialCommitteeId}, ${b.year}, ${title}, ${goal}, ${actor.accountId})
        on conflict (committee_id, special_committee_id, year)
        do update set title = excluded.title, goal = excluded.goal, updated_at = now() returning id`,
    );
    await writeAudit(tx, actor, {
      action: before ? 'workspace.signature_update' : 'workspace.signature_create',
      entity: 'signature_project',
      entityId: row.id,
      before: before ? { title: before.title, goal: before.goal } : null,
      after: { specialCommitteeId, year: b.year, title, goal },
    });
    return row.id;
  });
}

async function projectUnit(db: Db, actor: Actor, projectId: number): Promise<number> {
  const p = await queryOne<{ sc: number }>(
    db,
    sql`select special_committee_id as sc from signature_projects where committee_id = ${actor.committeeId} and id = ${projectId}`,
  );
  if (!p) throw projectNotFound();
  return p.sc;
}

export async function addMilestone(db: Db, actor: Actor, projectId: number, b: { title: string; dueOn: string }) {
  assertManage(await scopeOf(db, actor), await projectUnit(db, actor, projectId));
  const title = normaliseText(b.title).trim();
  return db.transaction(async (tx) => {
    const [row] = await query<{ id: number }>(
      tx,
      sql`insert into signature_milestones (committee_id, project_id, title, due_on)
        values (${actor.committeeId}, ${projectId}, ${title}, ${b.dueOn}::date) returning id`,
    );
    await writeAudit(tx, actor, {
      action: 'workspace.milestone_add',
      entity: 'signature_project',
      entityId: projectId,
      after: { milestoneId: row.id, title, dueOn: b.dueOn },
    });
    return row.id;
  });
}

/** Marks a milestone done today (Beijing) or not done. */
export async function setMilestoneDone(db: Db, actor: Actor, milestoneId: number, done: boolean) {
  const m = await queryOne<{ project_id: number; done_on: string | null }>(
    db,
    sql`select project_id, to_char(done_on, 'YYYY-MM-DD') as done_on from signature_milestones
      where committee_id = ${actor.committeeId} and id = ${milestoneId}`,
  );
  if (!m) throw milestoneNotFound();
  assertManage(await scopeOf(db, actor), await projectUnit(db, actor, m.project_id));
  const doneOn = done ? (m.done_on ?? beijingToday()) : null;
  await db.transaction(async (tx) => {
    await tx.execute(sql`update signature_milestones set done_on = ${doneOn}::date
      where committee_id = ${actor.committeeId} and id = ${milestoneId}`);
    await writeAudit(tx, actor, {
      action: 'workspace.milestone_done',
      entity: 'signature_project',
      entityId: m.project_id,
      before: { milestoneId, doneOn: m.done_on },
      after: { milestoneId, doneOn },
    });
  });
}

export async function addProgress(
  db: Db,
  actor: Actor,
  projectId: number,
  b: { text: string; entryOn?: string; fileIds?: number[] },
) {
  assertManage(await scopeOf(db, actor), await projectUnit(db, actor, projectId));
  const body = normaliseText(b.text).trim();
  const entryOn = b.entryOn ?? beijingToday();
  return db.transaction(async (tx) => {
    const [row] = await query<{ id: number }>(
      tx,
      sql`insert into signature_progress (committee_id, project_id, body, entry_on, author_name, created_by)
        values (${actor.committeeId}, ${projectId}, ${body}, ${entryOn}::date, ${actor.name}, ${actor.accountId}) returning id`,
    );
    await attachFiles(tx, actor, b.fileIds ?? [], 'signature_progress', row.id);
    await writeAudit(tx, actor, {
      action: 'workspace.progress_add',
      entity: 'signature_project',
      entityId: projectId,
      after: { progressId: row.id, text: body, entryOn, fileIds: b.fileIds ?? [] },
    });
    return row.id;
  });
}

/** Who may open a progress entry's photos: whoever may read that special committee's workspace. */
export async function mayReadProgressFiles(db: Db, actor: Actor, progressId: number): Promise<boolean> {
  const r = await queryOne<{ sc: number }>(
    db,
    sql`select p.special_committee_id as sc from signature_progress g join signature_projects p
        on p.committee_id = g.committee_id and p.id = g.project_id
      where g.committee_id = ${actor.committeeId} and g.id = ${progressId}`,
  );
  return !!r && mayRead(await scopeOf(db, actor), 'specialCommittee', r.sc);
}
