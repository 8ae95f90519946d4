// The archive processes as data. A manuscript: received → assessed (accept / decline with reason / ask for more,
// which the author answers by resubmitting) → edited (versions kept) → proofread → assigned to a volume → published
// with its volume. A collection topic is published and closed; a volume is published, publishing its articles.
import { sql } from 'drizzle-orm';
import type { Role } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingDateOf, clockNow } from '../../platform/dates.ts';
import { type Db, query } from '../../platform/db/client.ts';
import { defineProcess, fireTransition, type Process } from '../../platform/workflow/engine.ts';
import { recordDutyFact } from '../duty/facts.ts';
import { notifyMembers } from '../meetings/service.ts';
import * as E from './errors.ts';
import { authorGuard } from './policy.ts';
import { type ArticleItem, loadArticleItem, loadTopicItem, loadVolumeItem, type SimpleItem } from './repository.ts';

const EDITORS: Role[] = ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'];

export const ARTICLE_STATES: Record<string, string> = {
  received: '已收稿待评估',
  needsMore: '待作者补充',
  declined: '不予采用',
  accepted: '已采用待编辑',
  edited: '已编辑待校对',
  proofread: '已校对待编入',
  assigned: '已编入待出版',
  published: '已出版',
};
export const TOPIC_STATES: Record<string, string> = { draft: '草稿', published: '征集中', closed: '已结束' };
export const VOLUME_STATES: Record<string, string> = { draft: '编辑中', published: '已出版' };
export const ACCOUNT_KINDS: Record<string, string> = { experienced: '亲历', witnessed: '亲见', heard: '亲闻' };

async function fact(tx: Db, a: ArticleItem, kind: string) {
  if (!a.memberId) return;
  await recordDutyFact(tx, {
    committeeId: a.committeeId,
    memberId: a.memberId,
    kind,
    sourceType: 'archive_article',
    sourceId: a.id,
    occurredOn: beijingDateOf(clockNow()),
    detail: { title: a.title },
  });
}

async function tellAuthor(tx: Db, a: ArticleItem, title: string) {
  if (!a.memberId) return;
  await notifyMembers(tx, a.committeeId, [a.memberId], {
    kind: 'archive.article',
    title,
    body: '',
    link: `/archive/articles/${a.id}`,
  });
}

async function assignToVolume(tx: Db, actor: Actor, a: ArticleItem, data: { volumeId?: number; order?: number }) {
  const v = data.volumeId ? await loadVolumeItem(tx, actor.committeeId, data.volumeId, true) : null;
  if (v?.state !== 'draft') throw E.badVolume();
  await tx.execute(sql`update archive_articles set volume_id = ${v.id},
      volume_order = coalesce(${data.order ?? null}::int, (select coalesce(max(volume_order), 0) + 1 from archive_articles
        where committee_id = ${actor.committeeId} and volume_id = ${v.id}))
    where committee_id = ${actor.committeeId} and id = ${a.id}`);
}

export const articleProcess: Process<ArticleItem> = defineProcess<ArticleItem>({
  name: 'archive-article',
  entity: 'archive_article',
  states: ARTICLE_STATES,
  transitions: [
    {
      action: 'accept',
      label: '采用',
      from: ['received'],
      to: 'accepted',
      roles: EDITORS,
      effect: async (tx, _a, a) => {
        await fact(tx, a, 'archive.accepted');
        await tellAuthor(tx, a, `您的文史稿件已被采用：${a.title}`);
      },
    },
    {
      action: 'decline',
      label: '不予采用',
      from: ['received'],
      to: 'declined',
      roles: EDITORS,
      commentRequired: true,
      effect: async (tx, actor, a, _d, comment) => {
        await tx.execute(
          sql`update archive_articles set decline_reason = ${comment} where committee_id = ${actor.committeeId} and id = ${a.id}`,
        );
        await tellAuthor(tx, a, `您的文史稿件未被采用：${a.title}`);
      },
    },
    {
      action: 'askMore',
      label: '请作者补充',
      from: ['received'],
      to: 'needsMore',
      roles: EDITORS,
      commentRequired: true,
      effect: (tx, _a, a, _d, comment) => tellAuthor(tx, a, `文史稿件需要补充：${a.title}（${comment}）`),
    },
    {
      action: 'resubmit',
      label: '补充后重新提交',
      from: ['needsMore'],
      to: 'received',
      roles: ['member'],
      guard: authorGuard,
    },
    {
      action: 'finishEditing',
      label: '编辑完成送校对',
      from: ['accepted'],
      to: 'edited',
      roles: EDITORS,
      effect: async (_tx, _actor, a) => {
        if (a.version < 1) throw E.noEdit();
      },
    },
    { action: 'proofread', label: '校对完成', from: ['edited'], to: 'proofread', roles: EDITORS },
    {
      action: 'returnToEditing',
      label: '退回编辑',
      from: ['edited', 'proofread'],
      to: 'accepted',
      roles: EDITORS,
      commentRequired: true,
    },
    { action: 'assign', label: '编入辑', from: ['proofread'], to: 'assigned', roles: EDITORS, effect: assignToVolume },
    {
      action: 'unassign',
      label: '移出本辑',
      from: ['assigned'],
      to: 'proofread',
      roles: EDITORS,
      effect: async (tx, actor, a) => {
        await tx.execute(
          sql`update archive_articles set volume_id = null, volume_order = null where committee_id = ${actor.committeeId} and id = ${a.id}`,
        );
      },
    },
    {
      action: 'publish',
      label: '随辑出版',
      from: ['assigned'],
      to: 'published',
      roles: EDITORS,
      guard: (_actor, a) => (a.viaVolume ? null : '稿件随所在辑一同出版，请出版该辑'),
      effect: async (tx, actor, a) => {
        await tx.execute(
          sql`update archive_articles set published_at = now() where committee_id = ${actor.committeeId} and id = ${a.id}`,
        );
        await fact(tx, a, 'archive.published');
      },
    },
  ],
  setState: async (tx, actor, a, to) => {
    await tx.execute(
      sql`update archive_articles set state = ${to}, updated_at = now() where committee_id = ${actor.committeeId} and id = ${a.id}`,
    );
  },
  load: (tx, committeeId, id) => loadArticleItem(tx, committeeId, id, true),
});

export const topicProcess: Process<SimpleItem> = defineProcess<SimpleItem>({
  name: 'archive-topic',
  entity: 'archive_topic',
  states: TOPIC_STATES,
  transitions: [
    { action: 'publish', label: '发布征集', from: ['draft'], to: 'published', roles: EDITORS },
    { action: 'close', label: '结束征集', from: ['published'], to: 'closed', roles: EDITORS },
  ],
  setState: async (tx, actor, t, to) => {
    await tx.execute(sql`update archive_topics set state = ${to},
        published_at = case when ${to} = 'published' then now() else published_at end
      where committee_id = ${actor.committeeId} and id = ${t.id}`);
  },
  load: (tx, committeeId, id) => loadTopicItem(tx, committeeId, id, true),
});

/** Publishing a volume publishes each article assigned to it, as that article's own step on its timeline. */
async function publishVolume(tx: Db, actor: Actor, v: SimpleItem) {
  const rows = await query<{ id: number }>(
    tx,
    sql`select id from archive_articles where committee_id = ${actor.committeeId} and volume_id = ${v.id} and state = 'assigned'
      order by volume_order, id for update`,
  );
  if (!rows.length) throw E.emptyVolume();
  for (const r of rows) {
    const a = await loadArticleItem(tx, actor.committeeId, r.id, true);
    if (a) await fireTransition(tx, articleProcess, actor, { ...a, viaVolume: true }, { action: 'publish' });
  }
  await tx.execute(
    sql`update archive_volumes set published_at = now() where committee_id = ${actor.committeeId} and id = ${v.id}`,
  );
}

export const volumeProcess: Process<SimpleItem> = defineProcess<SimpleItem>({
  name: 'archive-volume',
  entity: 'archive_volume',
  states: VOLUME_STATES,
  transitions: [
    { action: 'publish', label: '出版', from: ['draft'], to: 'published', roles: EDITORS, effect: publishVolume },
  ],
  setState: async (tx, actor, v, to) => {
    await tx.execute(
      sql`update archive_volumes set state = ${to} where committee_id = ${actor.committeeId} and id = ${v.id}`,
    );
  },
  load: (tx, committeeId, id) => loadVolumeItem(tx, committeeId, id, true),
});
