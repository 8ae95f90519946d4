// The learning module's SQL for loading workflow items (locked inside a transaction). Other modules call exported
// functions, never these tables.
import type { Db } from '../../platform/db/client.ts';
import type { WorkflowItem } from '../../platform/workflow/engine.ts';
import { loadItem } from '../../platform/workflow/load-item.ts';

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

export const loadMaterialItem = (db: Db, committeeId: number, id: number, lock = false) =>
  loadItem<MaterialItem>(db, 'learning_materials', ['title', 'kind'], committeeId, id, lock);

export const loadReflectionItem = (db: Db, committeeId: number, id: number, lock = false) =>
  loadItem<ReflectionItem>(
    db,
    'learning_reflections',
    ['member_id', 'title', 'material_id', 'class_id'],
    committeeId,
    id,
    lock,
  );

export const loadSessionItem = (db: Db, committeeId: number, id: number, lock = false) =>
  loadItem<SessionItem>(
    db,
    'learning_sessions',
    ['class_id', 'title', 'meeting_id', 'starts_at'],
    committeeId,
    id,
    lock,
    ['starts_at'],
  );
