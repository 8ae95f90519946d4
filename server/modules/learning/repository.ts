// The learning module's SQL for loading workflow items (locked inside a transaction). Other modules call exported
// functions, never these tables.
import { sql } from 'drizzle-orm';
import { type Db, queryOne } from '../../platform/db/client.ts';
import type { WorkflowItem } from '../../platform/workflow/engine.ts';

export interface MaterialItem extends WorkflowItem {
  committeeId: number;
  title: string;
  kind: string;
}

export interface ReflectionItem extends WorkflowItem {
  committeeId: number;
  memberId: number;
  title: string;
  materialId: number | null;
  classId: number | null;
}

export interface SessionItem extends WorkflowItem {
  committeeId: number;
  classId: number;
  title: string;
  meetingId: number | null;
  startsAt: string;
}

const lockIf = (lock: boolean) => (lock ? sql`for update` : sql``);

export async function loadMaterialItem(db: Db, committeeId: number, id: number, lock = false) {
  const r = await queryOne<{ id: number; state: string; title: string; kind: string }>(
    db,
    sql`select id, state, title, kind from learning_materials where committee_id = ${committeeId} and id = ${id} ${lockIf(lock)}`,
  );
  return r ? ({ id: r.id, state: r.state, committeeId, title: r.title, kind: r.kind } as MaterialItem) : null;
}

export async function loadReflectionItem(db: Db, committeeId: number, id: number, lock = false) {
  const r = await queryOne<{
    id: number;
    state: string;
    member_id: number;
    title: string;
    material_id: number | null;
    class_id: number | null;
  }>(
    db,
    sql`select id, state, member_id, title, material_id, class_id from learning_reflections
      where committee_id = ${committeeId} and id = ${id} ${lockIf(lock)}`,
  );
  if (!r) return null;
  return {
    id: r.id,
    state: r.state,
    committeeId,
    memberId: r.member_id,
    title: r.title,
    materialId: r.material_id,
    classId: r.class_id,
  } as ReflectionItem;
}

export async function loadSessionItem(db: Db, committeeId: number, id: number, lock = false) {
  const r = await queryOne<{
    id: number;
    state: string;
    class_id: number;
    title: string;
    meeting_id: number | null;
    starts_at: string | Date;
  }>(
    db,
    sql`select id, state, class_id, title, meeting_id, starts_at from learning_sessions
      where committee_id = ${committeeId} and id = ${id} ${lockIf(lock)}`,
  );
  if (!r) return null;
  return {
    id: r.id,
    state: r.state,
    committeeId,
    classId: r.class_id,
    title: r.title,
    meetingId: r.meeting_id,
    startsAt: new Date(r.starts_at).toISOString(),
  } as SessionItem;
}
