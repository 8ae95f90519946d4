// Manuscripts of first-hand accounts: a member submits one (consent recorded, photos/scans/audio attached), answers a
// request for more; editors save edited versions with notes; readers search published articles by text and filters.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingDateOf, clockNow, iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { attachFiles, listFiles } from '../../platform/files/files.ts';
import { matchSearch, toSearchVector } from '../../platform/search/search.ts';
import { allowedActions, listTransitions } from '../../platform/workflow/engine.ts';
import { fireOnItem } from '../../platform/workflow/fire-on-item.ts';
import { recordDutyFact } from '../duty/facts.ts';
import * as E from './errors.ts';
import { canSeeArticle, isEditor } from './policy.ts';
import { ACCOUNT_KINDS, ARTICLE_STATES, articleProcess } from './process.ts';
import { loadArticleItem } from './repository.ts';
import type { ActionBody, ArticleEdit, ArticleFilters, ArticleSubmit } from './schemas.ts';
import { checkVillage } from './village-service.ts';

const clean = (xs: string[] | undefined) => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))];

const vector = (a: {
  title: string;
  body: string;
  author?: string;
  period?: string;
  place?: string;
  theme?: string;
  persons?: string[];
  tags?: string[];
}) =>
  toSearchVector(
    a.title,
    a.author,
    a.period,
    a.place,
    a.theme,
    (a.persons ?? []).join(' '),
    (a.tags ?? []).join(' '),
    a.body,
  );

export async function submitArticle(db: Db, actor: Actor, b: ArticleSubmit): Promise<number> {
  if (!b.consent) throw E.noConsent();
  return db.transaction(async (tx) => {
    if (b.topicId) {
      const t = await queryOne(
        tx,
        sql`select 1 from archive_topics where committee_id = ${actor.committeeId} and id = ${b.topicId} and state = 'published'`,
      );
      if (!t) throw E.badTopic();
    }
    await checkVillage(tx, actor.committeeId, b.villageId);
    const persons = clean(b.persons);
    const tags = clean(b.tags);
    const row = await queryOne<{ id: number }>(
      tx,
      sql`insert into archive_articles (committee_id, topic_id, village_id, member_id, author_name, account_kind, title, body, period, place, theme,
          persons, tags, consent, consent_at, submitted_by, search)
        values (${actor.committeeId}, ${b.topicId ?? null}, ${b.villageId ?? null}, ${actor.memberId}, ${actor.name}, ${b.accountKind}, ${b.title.trim()}, ${b.body.trim()},
          ${b.period?.trim() ?? ''}, ${b.place?.trim() ?? ''}, ${b.theme?.trim() ?? ''}, ${sql.param(persons)}::text[], ${sql.param(tags)}::text[],
          true, now(), ${actor.accountId}, ${vector({ ...b, author: actor.name, persons, tags })}) returning id`,
    );
    const id = row!.id;
    await attachFiles(tx, actor, b.fileIds ?? [], 'archive_article', id);
    if (actor.memberId)
      await recordDutyFact(tx, {
        committeeId: actor.committeeId,
        memberId: actor.memberId,
        kind: 'archive.submitted',
        sourceType: 'archive_article',
        sourceId: id,
        occurredOn: beijingDateOf(clockNow()),
        detail: { title: b.title },
      });
    await writeAudit(tx, actor, {
      action: 'archive.article.submit',
      entity: 'archive_article',
      entityId: id,
      after: b,
    });
    return id;
  });
}

/** The author completes a manuscript the editors asked more of (before resubmitting it). */
export async function amendArticle(db: Db, actor: Actor, id: number, b: ArticleSubmit): Promise<void> {
  if (!b.consent) throw E.noConsent();
  await db.transaction(async (tx) => {
    const a = await loadArticleItem(tx, actor.committeeId, id, true);
    if (!a || !canSeeArticle(actor, a)) throw E.articleNotFound();
    if (a.memberId !== actor.memberId || a.state !== 'needsMore') throw E.notEditable();
    await checkVillage(tx, actor.committeeId, b.villageId);
    const persons = clean(b.persons);
    const tags = clean(b.tags);
    await tx.execute(sql`update archive_articles set title = ${b.title.trim()}, body = ${b.body.trim()}, account_kind = ${b.accountKind},
        period = ${b.period?.trim() ?? ''}, place = ${b.place?.trim() ?? ''}, theme = ${b.theme?.trim() ?? ''},
        persons = ${sql.param(persons)}::text[], tags = ${sql.param(tags)}::text[], updated_at = now(),
        village_id = ${b.villageId ?? null}, search = ${vector({ ...b, author: actor.name, persons, tags })}
      where committee_id = ${actor.committeeId} and id = ${id}`);
    await attachFiles(tx, actor, b.fileIds ?? [], 'archive_article', id);
    await writeAudit(tx, actor, { action: 'archive.article.amend', entity: 'archive_article', entityId: id, after: b });
  });
}

/** An editor's version: the text becomes the article's current text; every earlier version stays readable. */
export async function editArticle(db: Db, actor: Actor, id: number, b: ArticleEdit): Promise<number> {
  return db.transaction(async (tx) => {
    const a = await loadArticleItem(tx, actor.committeeId, id, true);
    if (!a) throw E.articleNotFound();
    if (a.state !== 'accepted') throw E.notEditing();
    await checkVillage(tx, actor.committeeId, b.villageId);
    // Locked just above by loadArticleItem, so the row is there.
    const cur = (await queryOne<{
      title: string;
      body: string;
      author_name: string;
      persons: string[];
      tags: string[];
      period: string;
      place: string;
      theme: string;
      village_id: number | null;
    }>(
      tx,
      sql`select title, body, author_name, persons, tags, period, place, theme, village_id from archive_articles where committee_id = ${actor.committeeId} and id = ${id}`,
    ))!;
    // The author's original becomes version 0 on the first edit, so the record shows what was received.
    if (a.version === 0)
      await tx.execute(sql`insert into archive_versions (committee_id, article_id, version, title, body, editor_note, edited_by, editor_name)
        values (${actor.committeeId}, ${id}, 0, ${cur.title}, ${cur.body}, '作者原稿', null, ${cur.author_name})`);
    const version = a.version + 1;
    await tx.execute(sql`insert into archive_versions (committee_id, article_id, version, title, body, editor_note, edited_by, editor_name)
      values (${actor.committeeId}, ${id}, ${version}, ${b.title.trim()}, ${b.body.trim()}, ${b.editorNote?.trim() ?? ''}, ${actor.accountId}, ${actor.name})`);
    const persons = b.persons ? clean(b.persons) : cur.persons;
    const tags = b.tags ? clean(b.tags) : cur.tags;
    const meta = {
      period: b.period?.trim() ?? cur.period,
      place: b.place?.trim() ?? cur.place,
      theme: b.theme?.trim() ?? cur.theme,
    };
    await tx.execute(sql`update archive_articles set title = ${b.title.trim()}, body = ${b.body.trim()}, version = ${version},
        period = ${meta.period}, place = ${meta.place}, theme = ${meta.theme},
        persons = ${sql.param(persons)}::text[], tags = ${sql.param(tags)}::text[], updated_at = now(),
        village_id = ${b.villageId === undefined ? cur.village_id : b.villageId},
        search = ${vector({ title: b.title, body: b.body, author: cur.author_name, ...meta, persons, tags })}
      where committee_id = ${actor.committeeId} and id = ${id}`);
    await writeAudit(tx, actor, {
      action: 'archive.article.edit',
      entity: 'archive_article',
      entityId: id,
      before: { title: cur.title, version: a.version },
      after: { title: b.title, version, editorNote: b.editorNote ?? '' },
    });
    return version;
  });
}

const columns = sql`a.id, a.state, a.topic_id, t.title as topic_title, a.village_id, vl.title as village_title, a.member_id, a.author_name, a.account_kind, a.title, a.body,
  a.period, a.place, a.theme, a.persons, a.tags, a.consent, a.consent_at, a.decline_reason, a.volume_id, v.number as volume_number,
  v.title as volume_title, a.volume_order, a.version, a.created_at, a.published_at
  from archive_articles a
  left join archive_topics t on t.committee_id = a.committee_id and t.id = a.topic_id
  left join archive_volumes v on v.committee_id = a.committee_id and v.id = a.volume_id
  left join archive_villages vl on vl.committee_id = a.committee_id and vl.id = a.village_id`;

/** A row of `columns`: an article with its topic's, village's and volume's titles. */
interface ArticleRow {
  id: number;
  state: string;
  topic_id: number | null;
  topic_title: string | null;
  village_id: number | null;
  village_title: string | null;
  member_id: number | null;
  author_name: string;
  account_kind: string;
  title: string;
  body: string;
  period: string;
  place: string;
  theme: string;
  persons: string[];
  tags: string[];
  consent: boolean;
  consent_at: string | Date | null;
  decline_reason: string | null;
  volume_id: number | null;
  volume_number: number | null;
  volume_title: string | null;
  volume_order: number | null;
  version: number;
  created_at: string | Date;
  published_at: string | Date | null;
}

export const presentArticle = (r: ArticleRow) => ({
  id: r.id,
  state: r.state,
  stateLabel: ARTICLE_STATES[r.state] ?? r.state,
  topicId: r.topic_id,
  topicTitle: r.topic_title,
  villageId: r.village_id,
  villageTitle: r.village_title,
  memberId: r.member_id,
  authorName: r.author_name,
  accountKind: r.account_kind,
  accountKindLabel: ACCOUNT_KINDS[r.account_kind],
  title: r.title,
  body: r.body,
  period: r.period,
  place: r.place,
  theme: r.theme,
  persons: r.persons,
  tags: r.tags,
  consent: r.consent,
  consentAt: iso(r.consent_at),
  declineReason: r.decline_reason,
  volumeId: r.volume_id,
  volumeNumber: r.volume_number,
  volumeTitle: r.volume_title,
  volumeOrder: r.volume_order,
  version: r.version,
  createdAt: iso(r.created_at),
  publishedAt: iso(r.published_at),
});

export function articleWhere(actor: Actor, q: ArticleFilters) {
  // Editors see every manuscript; others see published articles and their own submissions.
  const scope =
    q.mine || !isEditor(actor)
      ? q.mine
        ? sql`a.member_id = ${actor.memberId ?? -1}`
        : sql`(a.state = 'published' or a.member_id = ${actor.memberId ?? -1})`
      : null;
  return sql.join(
    [
      sql`a.committee_id = ${actor.committeeId}`,
      scope,
      q.state ? sql`a.state = ${q.state}` : null,
      q.period ? sql`a.period = ${q.period}` : null,
      q.place ? sql`a.place like ${`%${q.place}%`}` : null,
      q.theme ? sql`a.theme = ${q.theme}` : null,
      q.person ? sql`${q.person} = any(a.persons)` : null,
      q.tag ? sql`${q.tag} = any(a.tags)` : null,
      q.volumeId ? sql`a.volume_id = ${q.volumeId}` : null,
      q.topicId ? sql`a.topic_id = ${q.topicId}` : null,
      q.villageId ? sql`a.village_id = ${q.villageId}` : null,
      matchSearch(sql`a.search`, q.q),
    ].filter((x) => x !== null),
    sql` and `,
  );
}

export async function listArticles(db: Db, actor: Actor, q: ArticleFilters & { limit: number; offset: number }) {
  const where = articleWhere(actor, q);
  const rows = await query<ArticleRow>(
    db,
    sql`select ${columns} where ${where} order by a.published_at desc nulls last, a.id desc limit ${q.limit} offset ${q.offset}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from archive_articles a where ${where}`,
  );
  // Lists carry an excerpt, not the whole text.
  return { items: rows.map((r) => ({ ...presentArticle(r), body: String(r.body).slice(0, 120) })), total: total!.n };
}

export async function getArticle(db: Db, actor: Actor, id: number) {
  const r = await queryOne<ArticleRow>(
    db,
    sql`select ${columns} where a.committee_id = ${actor.committeeId} and a.id = ${id}`,
  );
  if (!r || !canSeeArticle(actor, { state: r.state, memberId: r.member_id })) throw E.articleNotFound();
  const item = (await loadArticleItem(db, actor.committeeId, id))!;
  const editor = isEditor(actor);
  const versions = editor
    ? await query<{
        version: number;
        title: string;
        editor_note: string;
        editor_name: string;
        created_at: string | Date;
      }>(
        db,
        sql`select version, title, editor_note, editor_name, created_at from archive_versions
          where committee_id = ${actor.committeeId} and article_id = ${id} order by version`,
      )
    : [];
  return {
    ...presentArticle(r),
    files: (await listFiles(db, actor.committeeId, 'archive_article', id)).map((f) => ({
      id: f.id,
      name: f.name,
      mime: f.mime,
      size: f.size,
    })),
    versions: versions.map((v) => ({
      version: v.version,
      title: v.title,
      editorNote: v.editor_note,
      editorName: v.editor_name,
      createdAt: iso(v.created_at),
    })),
    actions: allowedActions(articleProcess, actor, item),
    timeline: await listTransitions(db, articleProcess, actor.committeeId, id, actor),
  };
}

export async function getVersion(db: Db, actor: Actor, id: number, version: number) {
  if (!isEditor(actor)) throw E.articleNotFound();
  const v = await queryOne<{
    version: number;
    title: string;
    body: string;
    editor_note: string;
    editor_name: string;
    created_at: string | Date;
  }>(
    db,
    sql`select version, title, body, editor_note, editor_name, created_at from archive_versions
      where committee_id = ${actor.committeeId} and article_id = ${id} and version = ${version}`,
  );
  if (!v) throw E.versionNotFound();
  return {
    version: v.version,
    title: v.title,
    body: v.body,
    editorNote: v.editor_note,
    editorName: v.editor_name,
    createdAt: iso(v.created_at),
  };
}

export async function fireArticleAction(db: Db, actor: Actor, id: number, b: ActionBody) {
  await fireOnItem(
    db,
    actor,
    id,
    {
      load: loadArticleItem,
      process: articleProcess,
      notFound: E.articleNotFound,
      visible: (a) => canSeeArticle(actor, a),
    },
    { action: b.action, comment: b.comment, data: b.data ?? {} },
  );
}
