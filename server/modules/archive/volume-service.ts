// Collection topics (征集选题) the office drafts and publishes, and volumes (辑): created, filled with proofread
// articles in order, published (the articles with them). Members see published topics and published volumes.
import { sql } from 'drizzle-orm';
import { insertAudited } from '../../platform/audit/insert-audited.ts';
import { insertUnique } from '../../platform/audit/insert-unique.ts';
import type { Actor } from '../../platform/context.ts';
import { iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { allowedActions } from '../../platform/workflow/engine.ts';
import { fireOnItem, type ItemKind } from '../../platform/workflow/fire-on-item.ts';
import * as E from './errors.ts';
import { isEditor } from './policy.ts';
import { TOPIC_STATES, topicProcess, VOLUME_STATES, volumeProcess } from './process.ts';
import { loadTopicItem, loadVolumeItem, type SimpleItem } from './repository.ts';
import type { TopicInput, VolumeInput } from './schemas.ts';

export async function createTopic(db: Db, actor: Actor, b: TopicInput): Promise<number> {
  return db.transaction(async (tx) => {
    return insertAudited(
      tx,
      actor,
      sql`insert into archive_topics (committee_id, title, description, period, closes_on, created_by)
        values (${actor.committeeId}, ${b.title.trim()}, ${b.description?.trim() ?? ''}, ${b.period?.trim() ?? ''}, ${b.closesOn ?? null}, ${actor.accountId}) returning id`,
      { action: 'archive.topic.create', entity: 'archive_topic', after: b },
    );
  });
}

export async function listTopics(db: Db, actor: Actor) {
  const rows = await query<{
    id: number;
    state: string;
    title: string;
    description: string;
    period: string;
    closes_on: string | null;
    published_at: string | Date | null;
    submissions: number;
  }>(
    db,
    sql`select t.id, t.state, t.title, t.description, t.period, t.closes_on::text as closes_on, t.published_at,
        (select count(*)::int from archive_articles a where a.committee_id = t.committee_id and a.topic_id = t.id) as submissions
      from archive_topics t where t.committee_id = ${actor.committeeId} ${isEditor(actor) ? sql`` : sql`and t.state <> 'draft'`}
      order by t.published_at desc nulls first, t.id desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    state: r.state,
    stateLabel: TOPIC_STATES[r.state] ?? r.state,
    title: r.title,
    description: r.description,
    period: r.period,
    closesOn: r.closes_on,
    publishedAt: iso(r.published_at),
    submissions: r.submissions,
    actions: allowedActions(topicProcess, actor, {
      id: r.id,
      state: r.state,
      committeeId: actor.committeeId,
      title: r.title,
    }),
  }));
}

/** A topic in draft is the editors' only. */
const TOPIC: ItemKind<SimpleItem> = {
  load: loadTopicItem,
  process: topicProcess,
  notFound: E.topicNotFound,
  visible: (t, actor) => t.state !== 'draft' || isEditor(actor),
};

export async function fireTopicAction(db: Db, actor: Actor, id: number, action: string, comment?: string) {
  await fireOnItem(db, actor, id, TOPIC, { action, comment });
}

export async function createVolume(db: Db, actor: Actor, b: VolumeInput): Promise<number> {
  return insertUnique(db, actor, {
    probe: sql`select 1 from archive_volumes where committee_id = ${actor.committeeId} and number = ${b.number}`,
    refuse: E.volumeExists,
    insert: sql`insert into archive_volumes (committee_id, number, title, description, created_by)
        values (${actor.committeeId}, ${b.number}, ${b.title.trim()}, ${b.description?.trim() ?? ''}, ${actor.accountId}) returning id`,
    audit: { action: 'archive.volume.create', entity: 'archive_volume', after: b },
  });
}

/** A volume with its article count. */
interface VolumeRow {
  id: number;
  number: number;
  title: string;
  description: string;
  state: string;
  published_at: string | Date | null;
  articles: number;
}

const presentVolume = (actor: Actor, r: VolumeRow) => ({
  id: r.id,
  number: r.number,
  title: r.title,
  description: r.description,
  state: r.state,
  stateLabel: VOLUME_STATES[r.state] ?? r.state,
  publishedAt: iso(r.published_at),
  articles: r.articles,
  actions: allowedActions(volumeProcess, actor, {
    id: r.id,
    state: r.state,
    committeeId: actor.committeeId,
    title: r.title,
  }),
});

export async function listVolumes(db: Db, actor: Actor) {
  const rows = await query<VolumeRow>(
    db,
    sql`select v.id, v.number, v.title, v.description, v.state, v.published_at,
        (select count(*)::int from archive_articles a where a.committee_id = v.committee_id and a.volume_id = v.id) as articles
      from archive_volumes v where v.committee_id = ${actor.committeeId} ${isEditor(actor) ? sql`` : sql`and v.state = 'published'`}
      order by v.number desc`,
  );
  return rows.map((r) => presentVolume(actor, r));
}

/** A volume with its contents in order (titles, authors, kinds): what the reader's contents page and the Word show. */
export async function getVolume(db: Db, actor: Actor, id: number) {
  const v = await queryOne<VolumeRow & { committee_name: string }>(
    db,
    sql`select v.id, v.number, v.title, v.description, v.state, v.published_at, c.name as committee_name,
        (select count(*)::int from archive_articles a where a.committee_id = v.committee_id and a.volume_id = v.id) as articles
      from archive_volumes v join committees c on c.id = v.committee_id
      where v.committee_id = ${actor.committeeId} and v.id = ${id}`,
  );
  if (!v || (v.state !== 'published' && !isEditor(actor))) throw E.volumeNotFound();
  const contents = await query<{
    id: number;
    title: string;
    author_name: string;
    account_kind: string;
    period: string;
    place: string;
    body: string;
    volume_order: number | null;
  }>(
    db,
    sql`select id, title, author_name, account_kind, period, place, body, volume_order from archive_articles
      where committee_id = ${actor.committeeId} and volume_id = ${id} order by volume_order, id`,
  );
  return {
    ...presentVolume(actor, v),
    committeeName: v.committee_name as string,
    contents: contents.map((a) => ({
      id: a.id,
      order: a.volume_order,
      title: a.title,
      authorName: a.author_name,
      accountKind: a.account_kind,
      period: a.period,
      place: a.place,
      body: a.body as string,
    })),
  };
}

/** A volume not yet published is the editors' only. */
const VOLUME: ItemKind<SimpleItem> = {
  load: loadVolumeItem,
  process: volumeProcess,
  notFound: E.volumeNotFound,
  visible: (v, actor) => v.state === 'published' || isEditor(actor),
};

export async function fireVolumeAction(db: Db, actor: Actor, id: number, action: string, comment?: string) {
  await fireOnItem(db, actor, id, VOLUME, { action, comment });
}
