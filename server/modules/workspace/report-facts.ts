// The month's facts of a special committee for its monthly report (月汇报) and the draft text the platform writes
// from them: events held with their days, members taking part, outputs (collective proposals, opinion reports) and the
// signature project's progress — each read through the owning module's exported function.
import { sql } from 'drizzle-orm';
import { beijingDateOf, daysInMonth, startOfBeijingDay } from '../../platform/dates.ts';
import { type Db, query } from '../../platform/db/client.ts';
import { eventsOrganisedBy } from '../consultations/by-special-committee.ts';
import { meetingsOrganisedBy } from '../meetings/by-organiser.ts';
import { opinionsOfSpecialCommittee } from '../opinions/by-special-committee.ts';
import { collectiveProposalsOf } from '../proposals/by-collective.ts';

export interface MonthFacts {
  month: string;
  events: { kind: 'meeting' | 'consultation' | 'supervision'; title: string; day: string; participants: number }[];
  /** Distinct members who took part in any of the month's events (checked in, or listed as participant). */
  membersTakingPart: number;
  proposals: { title: string; day: string }[];
  opinions: { title: string; day: string }[];
  signature: {
    title: string;
    progress: { day: string; text: string }[];
    milestonesDone: { title: string; day: string }[];
  } | null;
}

export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  return { from: `${month}-01`, to: `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
}

export async function monthFacts(
  db: Db,
  committeeId: number,
  specialCommitteeId: number,
  name: string,
  month: string,
): Promise<MonthFacts> {
  const { from, to } = monthRange(month);
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const [meetings, events, proposals, opinions, signature] = await Promise.all([
    meetingsOrganisedBy(db, committeeId, { specialCommitteeId }, startOfBeijingDay(from), startOfBeijingDay(next)),
    eventsOrganisedBy(db, committeeId, specialCommitteeId, from, to),
    collectiveProposalsOf(db, committeeId, 'specialCommittee', name, from, to),
    opinionsOfSpecialCommittee(db, committeeId, name, from, to),
    signatureMonth(db, committeeId, specialCommitteeId, y, from, to),
  ]);
  const held = meetings.filter((x) => x.status !== 'cancelled');
  const heldEvents = events.filter((e) => ['held', 'minuted', 'done'].includes(e.state));
  const people = new Set<number>([
    ...held.flatMap((x) => x.presentMemberIds),
    ...heldEvents.flatMap((e) => e.memberIds),
  ]);
  const list: MonthFacts['events'] = [
    ...held.map((x) => ({
      kind: 'meeting' as const,
      title: x.title,
      day: beijingDateOf(x.startsAt),
      participants: x.present,
    })),
    ...heldEvents.map((e) => ({
      kind: e.category,
      title: e.title,
      day: e.day ?? from,
      participants: e.memberIds.length,
    })),
  ].sort((a, b) => a.day.localeCompare(b.day) || a.title.localeCompare(b.title));
  return {
    month,
    events: list,
    membersTakingPart: people.size,
    proposals: proposals.map((p) => ({ title: p.title, day: p.submittedOn })),
    opinions: opinions.map((o) => ({ title: o.title, day: o.submittedOn })),
    signature,
  };
}

async function signatureMonth(db: Db, c: number, sc: number, year: number, from: string, to: string) {
  const [p] = await query<{ id: number; title: string }>(
    db,
    sql`select id, title from signature_projects where committee_id = ${c} and special_committee_id = ${sc} and year = ${year}`,
  );
  if (!p) return null;
  const [progress, milestonesDone] = await Promise.all([
    query<{ day: string; text: string }>(
      db,
      sql`select to_char(entry_on, 'YYYY-MM-DD') as day, body as text from signature_progress
        where committee_id = ${c} and project_id = ${p.id} and entry_on between ${from}::date and ${to}::date
        order by entry_on, id`,
    ),
    query<{ title: string; day: string }>(
      db,
      sql`select title, to_char(done_on, 'YYYY-MM-DD') as day from signature_milestones
        where committee_id = ${c} and project_id = ${p.id} and done_on between ${from}::date and ${to}::date
        order by done_on, id`,
    ),
  ]);
  return { title: p.title, progress, milestonesDone };
}

const KIND_LABEL = { meeting: '会议', consultation: '协商活动', supervision: '民主监督' };
const dayText = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
export const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** The draft the staff then edit: plain paragraphs, one fact a line, in the order of the report's sections. */
export function draftText(name: string, f: MonthFacts): string {
  const lines: string[] = [];
  lines.push('一、本月开展的活动');
  if (f.events.length) {
    lines.push(`本月共开展活动${f.events.length}次，参加活动的委员共${f.membersTakingPart}人。`);
    lines.push(
      ...f.events.map(
        (e, i) => `${i + 1}. ${dayText(e.day)}，${e.title}（${KIND_LABEL[e.kind]}，委员参加${e.participants}人）。`,
      ),
    );
  } else lines.push('本月未开展活动。');
  lines.push('', '二、履职成果');
  lines.push(
    f.proposals.length
      ? `以${name}名义提交集体提案${f.proposals.length}件：${f.proposals.map((p) => `《${p.title}》`).join('、')}。`
      : '本月未提交集体提案。',
  );
  lines.push(
    f.opinions.length
      ? `报送社情民意信息${f.opinions.length}篇：${f.opinions.map((o) => `《${o.title}》`).join('、')}。`
      : '本月未报送社情民意信息。',
  );
  lines.push('', '三、一委一品');
  if (!f.signature) lines.push('本年度尚未设立一委一品项目。');
  else {
    lines.push(`项目「${f.signature.title}」本月进展${f.signature.progress.length}条。`);
    for (const g of f.signature.progress) lines.push(`${dayText(g.day)}：${g.text}`);
    for (const m of f.signature.milestonesDone) lines.push(`${dayText(m.day)}完成节点「${m.title}」。`);
  }
  lines.push('', '四、下月工作打算', '');
  return lines.join('\n');
}
