// The staff summary of a discussion (意见汇总): a generated draft (topic, participation, groups, consensus, divisive
// and adopted statements) that staff edit and save, its Word document, and attaching it to a draft outcome.
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { formatBeijingDateTime } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { type DiscussionRow, loadDiscussion } from './discussion-service.ts';
import { readMap } from './discussion-votes.ts';
import { appendToOutcome } from './outcome-service.ts';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The generated draft, from the stored map and the database as they are now. */
export async function generateSummary(db: Db, actor: Actor, d: DiscussionRow): Promise<string> {
  const figures = await queryOne<{ participants: number; votes: number; statements: number; comments: number }>(
    db,
    sql`select
      (select count(distinct account_id)::int from discussion_votes where committee_id = ${actor.committeeId} and discussion_id = ${d.id}) as participants,
      (select count(*)::int from discussion_votes where committee_id = ${actor.committeeId} and discussion_id = ${d.id}) as votes,
      (select count(*)::int from discussion_statements where committee_id = ${actor.committeeId} and discussion_id = ${d.id} and state = 'shown') as statements,
      (select count(*)::int from discussion_comments where committee_id = ${actor.committeeId} and discussion_id = ${d.id} and state = 'shown') as comments`,
  );
  const adopted = await query<{ body: string }>(
    db,
    sql`select body from discussion_statements where committee_id = ${actor.committeeId} and discussion_id = ${d.id} and adopted order by id`,
  );
  const map = await readMap(db, actor, d.id);
  const f = figures!;
  const lines = [
    `议题：${d.topic}`,
    `时间：${formatBeijingDateTime(d.opens_at)} 至 ${formatBeijingDateTime(d.closes_at)}`,
    `一、参与情况`,
    `共有${f.participants}人参与，提出观点${f.statements}条、评论${f.comments}条，表态${f.votes}次。`,
    `二、意见分组`,
  ];
  if (map.k >= 2) {
    lines.push(`根据表态相似程度，${map.clustered}名表态较多的参与者形成${map.k}组意见：`);
    for (const g of map.groups) {
      const top = g.distinctive
        .slice(0, 3)
        .map((x) => `「${x.body}」（组内赞同${pct(x.agreeIn)}，组外${pct(x.agreeOut)}）`);
      lines.push(
        `第${g.group + 1}组（${g.size}人）：${top.length ? `较多赞同${top.join('；')}` : '无明显区别于其他组的观点'}。`,
      );
    }
  } else {
    lines.push('表态人数尚少，未形成可区分的意见分组。');
  }
  lines.push('三、共识意见（各组多数赞同）');
  lines.push(...(map.consensus.length ? map.consensus.map((c, i) => `${i + 1}. ${c.body}`) : ['暂无。']));
  lines.push('四、分歧意见（各组看法差异较大）');
  lines.push(...(map.divisive.length ? map.divisive.map((c, i) => `${i + 1}. ${c.body}`) : ['暂无。']));
  lines.push('五、采纳的意见');
  lines.push(...(adopted.length ? adopted.map((a, i) => `${i + 1}. ${a.body}`) : ['暂无。']));
  return lines.join('\n');
}

/** The saved text if staff saved one, else a fresh draft. */
export async function readSummary(db: Db, actor: Actor, id: number) {
  const d = await loadDiscussion(db, actor, id);
  return {
    topic: d.topic,
    text: d.summary ?? (await generateSummary(db, actor, d)),
    savedAt: d.summary_saved_at?.toISOString() ?? null,
    outcomeId: d.outcome_id,
  };
}

export async function saveSummary(db: Db, actor: Actor, id: number, text: string): Promise<void> {
  await db.transaction(async (tx) => {
    const d = await loadDiscussion(tx, actor, id, true);
    await tx.execute(sql`update discussions set summary = ${text.trim()}, summary_saved_at = now()
      where committee_id = ${actor.committeeId} and id = ${d.id}`);
    await writeAudit(tx, actor, {
      action: 'discussion.summary',
      entity: 'discussion',
      entityId: d.id,
      before: { summary: d.summary },
      after: { summary: text.trim() },
    });
  });
}

/** The summary goes into the draft outcome's body, so it flows on into 报送 → 反馈 → 评估 with it. */
export async function attachSummary(db: Db, actor: Actor, id: number, outcomeId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const d = await loadDiscussion(tx, actor, id, true);
    const text = d.summary ?? (await generateSummary(tx, actor, d));
    await appendToOutcome(tx, actor, outcomeId, `网络议政意见汇总：${d.topic}`, text);
    await tx.execute(sql`update discussions set outcome_id = ${outcomeId}, summary = ${text}, summary_saved_at = coalesce(summary_saved_at, now())
      where committee_id = ${actor.committeeId} and id = ${d.id}`);
    await writeAudit(tx, actor, {
      action: 'discussion.attach',
      entity: 'discussion',
      entityId: d.id,
      before: { outcomeId: d.outcome_id },
      after: { outcomeId },
    });
  });
}

export async function summaryDocx(topic: string, text: string): Promise<Buffer> {
  const run = (t: string, o: { size?: number; font?: string } = {}) =>
    new TextRun({ text: t, size: o.size ?? 32, font: o.font ?? '仿宋' });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400 },
            children: [run(`关于“${topic}”网络议政的意见汇总`, { size: 44, font: '方正小标宋简体' })],
          }),
          ...text
            .split(/\n+/)
            .filter((l) => l.trim())
            .map(
              (l) =>
                new Paragraph({
                  indent: { firstLine: 640 },
                  spacing: { line: 560 },
                  children: [run(l.trim(), { font: /^[一二三四五六七八九十]、/.test(l) ? '黑体' : '仿宋' })],
                }),
            ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
