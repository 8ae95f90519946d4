// The archive module's SQL for loading workflow items (locked inside a transaction).
import type { Db } from '../../platform/db/client.ts';
import type { WorkflowItem } from '../../platform/workflow/engine.ts';
import { loadItem } from '../../platform/workflow/load-item.ts';

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

export const loadArticleItem = (db: Db, committeeId: number, id: number, lock = false) =>
  loadItem<ArticleItem>(db, 'archive_articles', ['member_id', 'title', 'version', 'volume_id'], committeeId, id, lock);

export const loadTopicItem = (db: Db, committeeId: number, id: number, lock = false) =>
  loadItem<SimpleItem>(db, 'archive_topics', ['title'], committeeId, id, lock);

export const loadVolumeItem = (db: Db, committeeId: number, id: number, lock = false) =>
  loadItem<SimpleItem>(db, 'archive_volumes', ['title'], committeeId, id, lock);
