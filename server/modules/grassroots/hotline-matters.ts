// Recurring matters (反复出现的诉求) of a month: the month's hotline cases grouped by area, then joined when their texts
// are alike by the platform's measure (Dice similarity of subject bigrams, stock phrases ignored, as textSimilarity)
// — a case joins the group holding its most similar case above the threshold. Groups of two or more cases are matters,
// biggest first, each named by its area and its characteristic words, so a room can take one up as 每月一题.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { type Db, query } from '../../platform/db/client.ts';
import { keywords, subjectText } from '../../platform/search/search.ts';
import { caseMark, caseSelect, type HotlineCaseRow, presentCase } from './hotline-service.ts';
import { isStaff } from './policy.ts';

/** Two cases this alike (0–1) are the same matter; a shared category counts for a little. */
const SAME_MATTER = 0.22;
const SAME_CATEGORY_BONUS = 0.06;
/** A case is compared with this many cases of a group (its first ones): a month of thousands stays quick. */
const COMPARE_WITH = 8;

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const WORD = /[a-z0-9]+/g;

/** The bigram set textSimilarity compares, computed once per case. */
function grams(text: string): Set<string> {
  const t = subjectText(text);
  const out = new Set<string>();
  for (const run of t.match(CJK_RUN) ?? []) {
    if (run.length === 1) out.add(run);
    for (let i = 0; i < run.length - 1; i++) out.add(run.slice(i, i + 2));
  }
  for (const w of t.match(WORD) ?? []) out.add(w);
  return out;
}
function dice(a: Set<string>, b: Set<string>) {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const g of a) if (b.has(g)) common++;
  return (2 * common) / (a.size + b.size);
}

interface Member {
  row: HotlineCaseRow;
  grams: Set<string>;
}

/** Groups cases of one area; each group keeps its cases in date order. */
function groupArea(cases: HotlineCaseRow[]): Member[][] {
  const groups: Member[][] = [];
  for (const row of cases) {
    const me: Member = { row, grams: grams(`${row.category} ${row.content}`) };
    let best: { group: Member[]; score: number } | null = null;
    for (const group of groups) {
      let score = 0;
      for (const other of group.slice(0, COMPARE_WITH)) {
        const s =
          dice(me.grams, other.grams) + (row.category && row.category === other.row.category ? SAME_CATEGORY_BONUS : 0);
        if (s > score) score = s;
      }
      if (score >= SAME_MATTER && (!best || score > best.score)) best = { group, score };
    }
    if (best) best.group.push(me);
    else groups.push([me]);
  }
  return groups;
}

export interface RecurringMatter {
  area: string;
  category: string;
  subject: string;
  /** A topic title to start from when a room takes it up. */
  suggestedTitle: string;
  count: number;
  caseNos: string[];
  takenUp: number;
  cases: ReturnType<typeof presentCase>[];
}

/** The month's (YYYY-MM) recurring matters, biggest first. */
export async function recurringMatters(db: Db, actor: Actor, month: string, limit = 10) {
  const rows = await query<HotlineCaseRow>(
    db,
    sql`${caseSelect()} where c.committee_id = ${actor.committeeId}
      and c.received_on >= ${`${month}-01`}::date and c.received_on < (${`${month}-01`}::date + interval '1 month')
      order by c.received_on, c.case_no`,
  );
  const byArea = new Map<string, HotlineCaseRow[]>();
  for (const r of rows) byArea.set(r.area, [...(byArea.get(r.area) ?? []), r]);
  const staff = isStaff(actor);
  const matters: RecurringMatter[] = [];
  for (const [area, cases] of byArea) {
    for (const group of groupArea(cases)) {
      if (group.length < 2) continue;
      const categories = new Map<string, number>();
      for (const m of group) categories.set(m.row.category, (categories.get(m.row.category) ?? 0) + 1);
      const category = [...categories].sort((a, b) => b[1] - a[1])[0][0];
      const words = keywords(group.map((m) => m.row.content).join('\n'), 4);
      const subject = words.join('、') || category;
      matters.push({
        area,
        category,
        subject,
        suggestedTitle: `${area}${words.slice(0, 2).join('')}问题`.slice(0, 100),
        count: group.length,
        caseNos: group.map((m) => m.row.caseNo),
        takenUp: group.filter((m) => caseMark(m.row) !== 'open').length,
        cases: group.map((m) => presentCase(m.row, staff)),
      });
    }
  }
  matters.sort((a, b) => b.count - a.count || a.area.localeCompare(b.area, 'zh'));
  return { month, cases: rows.length, matters: matters.slice(0, limit) };
}
