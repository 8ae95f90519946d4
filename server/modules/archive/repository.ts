// The archive module's SQL for loading workflow items (locked inside a transaction).
import { sql } from 'drizzle-orm';
import { type Db, queryOne } from '../../platform/db/client.ts';
import type { WorkflowItem } from '../../platform/workflow/engine.ts';

export interface ArticleItem extends WorkflowItem {
  committeeId: number;
  memberId: number | null;
  title: string;
  version: number;
  volumeId: number | null;
  /** Set when the volume's publication fires the article's step: an article is published only with its volume. */
  viaVolume?: boolean;
}

export interface SimpleItem extends WorkflowItem {
  committeeId: number;
  title: string;
}

const lockIf = (lock: boolean) => (lock ? sql`for update` : sql``);

export async function loadArticleItem(db: Db, committeeId: number, id: number, lock = false) {
  const r = await queryOne<{
    id: number;
    state: string;
    member_id: number | null;
    title: string;
    version: number;
    volume_id: number | null;
  }>(
    db,
    sql`select id, state, member_id, title, version, volume_id from archive_articles
      where committee_id = ${committeeId} and id = ${id} ${lockIf(lock)}`,
  );
  if (!r) return null;
  return {
    id: r.id,
    state: r.state,
    committeeId,
    memberId: r.member_id,
    title: r.title,
    version: r.version,
    volumeId: r.volume_id,
  } as ArticleItem;
}

export async function loadTopicItem(db: Db, committeeId: number, id: number, lock = false) {
  const r = await queryOne<{ id: number; state: string; title: string }>(
    db,
    sql`select id, state, title from archive_topics where committee_id = ${committeeId} and id = ${id} ${lockIf(lock)}`,
  );
  return r ? ({ id: r.id, state: r.state, committeeId, title: r.title } as SimpleItem) : null;
}

export async function loadVolumeItem(db: Db, committeeId: number, id: number, lock = false) {
  const r = await queryOne<{ id: number; state: string; title: string }>(
    db,
    sql`select id, state, title from archive_volumes where committee_id = ${committeeId} and id = ${id} ${lockIf(lock)}`,
  );
  return r ? ({ id: r.id, state: r.state, committeeId, title: r.title } as SimpleItem) : null;
}
