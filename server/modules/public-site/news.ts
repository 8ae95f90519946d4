// News and notices of the committee's public site: staff write drafts, publish and unpublish them (each step audited in
// its transaction); the public reads only published ones, by the committee's code.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { normaliseLine, normaliseText } from '../../platform/text/normalise.ts';
import type { NewsFilter, NewsInput } from './schemas.ts';

export const NEWS_KINDS = { news: '新闻', notice: '通知公告' } as const;
export const NEWS_STATES = { draft: '草稿', published: '已发布' } as const;

export const newsNotFound = () => notFound('publicSite.news_not_found', '新闻公告不存在');

/** A row of public_news (timestamps as the driver gives them). */
interface NewsRow {
  committee_id: number;
  id: number;
  kind: string;
  title: string;
  body: string;
  state: string;
  published_at: string | Date | null;
  created_by: number | null;
  created_at: string | Date;
  updated_at: string | Date;
}

const shape = (r: NewsRow) => ({
  id: r.id,
  kind: r.kind,
  kindLabel: NEWS_KINDS[r.kind as keyof typeof NEWS_KINDS],
  title: r.title,
  body: r.body,
  state: r.state,
  stateLabel: NEWS_STATES[r.state as keyof typeof NEWS_STATES],
  publishedAt: iso(r.published_at),
  updatedAt: new Date(r.updated_at).toISOString(),
});

export async function listNews(db: Db, actor: Actor, f: NewsFilter, limit: number, offset: number) {
  const c = [sql`committee_id = ${actor.committeeId}`];
  if (f.kind) c.push(sql`kind = ${f.kind}`);
  if (f.state) c.push(sql`state = ${f.state}`);
  // Few rows per committee: a plain substring match is enough and needs no index.
  if (f.q?.trim()) c.push(sql`(title like ${`%${f.q.trim()}%`} or body like ${`%${f.q.trim()}%`})`);
  const where = sql.join(c, sql` and `);
  const rows = await query<NewsRow>(
    db,
    sql`select * from public_news where ${where} order by (state = 'draft') desc, published_at desc nulls last, id desc
      limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from public_news where ${where}`);
  return { items: rows.map(shape), total: total!.n };
}

async function load(tx: Db, committeeId: number, id: number, lock = false) {
  const row = await queryOne<NewsRow>(
    tx,
    lock
      ? sql`select * from public_news where committee_id = ${committeeId} and id = ${id} for update`
      : sql`select * from public_news where committee_id = ${committeeId} and id = ${id}`,
  );
  if (!row) throw newsNotFound();
  return row;
}

export async function getNews(db: Db, actor: Actor, id: number) {
  return shape(await load(db, actor.committeeId, id));
}

export async function saveNews(tx: Db, actor: Actor, id: number | null, b: NewsInput): Promise<{ id: number }> {
  const title = normaliseLine(b.title);
  const body = normaliseText(b.body);
  if (id === null) {
    const row = await queryOne<{ id: number }>(
      tx,
      sql`insert into public_news (committee_id, kind, title, body, created_by)
        values (${actor.committeeId}, ${b.kind}, ${title}, ${body}, ${actor.accountId}) returning id`,
    );
    await writeAudit(tx, actor, {
      action: 'publicSite.news.create',
      entity: 'publicNews',
      entityId: row!.id,
      after: b,
    });
    return row!;
  }
  const before = await load(tx, actor.committeeId, id, true);
  await tx.execute(sql`update public_news set kind = ${b.kind}, title = ${title}, body = ${body}, updated_at = now()
    where committee_id = ${actor.committeeId} and id = ${id}`);
  await writeAudit(tx, actor, {
    action: 'publicSite.news.update',
    entity: 'publicNews',
    entityId: id,
    before: { kind: before.kind, title: before.title, body: before.body },
    after: b,
  });
  return { id };
}

/** Publish or take back from the public site; doing what is already done is a conflict, not a silent success. */
export async function setNewsPublished(tx: Db, actor: Actor, id: number, publish: boolean) {
  const before = await load(tx, actor.committeeId, id, true);
  if ((before.state === 'published') === publish)
    throw conflict('publicSite.news_state', publish ? '该新闻公告已发布' : '该新闻公告尚未发布');
  await tx.execute(sql`update public_news set state = ${publish ? 'published' : 'draft'},
      published_at = ${publish ? sql`now()` : sql`published_at`}, updated_at = now()
    where committee_id = ${actor.committeeId} and id = ${id}`);
  await writeAudit(tx, actor, {
    action: publish ? 'publicSite.news.publish' : 'publicSite.news.unpublish',
    entity: 'publicNews',
    entityId: id,
    before: { state: before.state },
    after: { state: publish ? 'published' : 'draft' },
  });
}

/** Published items only, newest first, without the body (the list of the public home). */
export async function publishedNews(db: Db, committeeId: number, limit: number, offset: number) {
  const rows = await query<{ id: number; kind: string; title: string; published_at: string | Date }>(
    db,
    sql`select id, kind, title, published_at from public_news where committee_id = ${committeeId} and state = 'published'
      order by published_at desc, id desc limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from public_news where committee_id = ${committeeId} and state = 'published'`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      kindLabel: NEWS_KINDS[r.kind as keyof typeof NEWS_KINDS],
      title: r.title,
      publishedAt: new Date(r.published_at).toISOString(),
    })),
    total: total!.n,
  };
}

export async function publishedNewsItem(db: Db, committeeId: number, id: number) {
  const r = await queryOne<NewsRow>(
    db,
    sql`select * from public_news where committee_id = ${committeeId} and id = ${id} and state = 'published'`,
  );
  if (!r) throw newsNotFound();
  const s = shape(r);
  return { id: s.id, kindLabel: s.kindLabel, title: s.title, body: s.body, publishedAt: s.publishedAt };
}
