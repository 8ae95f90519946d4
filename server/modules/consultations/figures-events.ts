// Year figures of consultation and supervision from the data: events held by kind and by special committee, plan topics
// carried out, participants and speeches, and the annual report's sentences
// (「全年共开展协商26次，其中专题议政性常委会会议协商3次、专题协商3次、…」).
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { consultationSettings, type EventKind, ownFigureKinds } from './process-settings.ts';

const HELD = sql`e.state in ('held', 'minuted', 'done')`;

/** 「全年共开展协商26次，其中A3次、B1次」: kinds in the setting's order, those held at least once. */
export function yearSentence(kinds: EventKind[], counts: Map<string, number>, what: string): string {
  const parts = kinds.filter((k) => (counts.get(k.key) ?? 0) > 0).map((k) => `${k.label}${counts.get(k.key)}次`);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return parts.length ? `全年共开展${what}${total}次，其中${parts.join('、')}。` : `全年共开展${what}${total}次。`;
}

const inYearOf = (c: number, year: number) => sql`e.committee_id = ${c} and ${HELD}
    and e.held_on between ${`${year}-01-01`} and ${`${year}-12-31`} and e.kind <> all(${sql.param(ownFigureKinds())}::text[])`;

/**
 * The registry's four figures (figure-group.ts) in one round trip, counted as eventFigures counts them (events of each
 * category, participants, speeches not withdrawn): the dashboard asks for them twice per view.
 */
export async function registryCounts(db: Db, c: number, year: number) {
  const inYear = inYearOf(c, year);
  return (await queryOne<{ consultations: number; supervisions: number; participants: number; speeches: number }>(
    db,
    sql`select (select count(*)::int from consultation_events e where ${inYear} and e.category = 'consultation') as consultations,
      (select count(*)::int from consultation_events e where ${inYear} and e.category = 'supervision') as supervisions,
      (select count(*)::int from consultation_participants p join consultation_events e on e.committee_id = p.committee_id and e.id = p.event_id where ${inYear}) as participants,
      (select count(*)::int from consultation_speeches x join consultation_events e on e.committee_id = x.committee_id and e.id = x.event_id where ${inYear} and x.state <> 'withdrawn') as speeches`,
  ))!;
}

export async function eventFigures(db: Db, actor: Actor, year: number) {
  const c = actor.committeeId;
  const kinds = (await consultationSettings(db, c, year)).kinds.filter((k) => !k.ownFigures);
  // Grassroots room sessions are events too, but reports count them apart (96 rooms, 115 grassroots consultations).
  // A range on held_on (not extract(year …)) so the (committee, held_on, kind) index bounds the scan.
  const inYear = inYearOf(c, year);
  const byKind = await query<{ kind: string; category: string; n: number }>(
    db,
    sql`select e.kind, e.category, count(*)::int as n from consultation_events e where ${inYear} group by e.kind, e.category`,
  );
  const bySc = await query<{ name: string | null; n: number }>(
    db,
    sql`select s.name, count(*)::int as n from consultation_events e
      left join special_committees s on s.committee_id = e.committee_id and s.id = e.special_committee_id
      where ${inYear} group by s.name, s.sort order by s.sort nulls last, s.name`,
  );
  const people = await queryOne<{ participants: number; members: number; speeches: number; delivered: number }>(
    db,
    sql`select (select count(*)::int from consultation_participants p join consultation_events e on e.committee_id = p.committee_id and e.id = p.event_id where ${inYear}) as participants,
        (select count(distinct p.member_id)::int from consultation_participants p join consultation_events e on e.committee_id = p.committee_id and e.id = p.event_id where ${inYear}) as members,
        (select count(*)::int from consultation_speeches x join consultation_events e on e.committee_id = x.committee_id and e.id = x.event_id where ${inYear} and x.state <> 'withdrawn') as speeches,
        (select count(*)::int from consultation_speeches x join consultation_events e on e.committee_id = x.committee_id and e.id = x.event_id where ${inYear} and x.state = 'delivered') as delivered`,
  );
  const plan = await query<{ kind: string; items: number; carried: number }>(
    db,
    sql`select p.kind, count(*)::int as items,
        count(*) filter (where exists (select 1 from consultation_events e where e.committee_id = i.committee_id and e.plan_item_id = i.id and ${HELD}))::int as carried
      from consultation_plan_items i join consultation_plans p on p.committee_id = i.committee_id and p.id = i.plan_id
      where i.committee_id = ${c} and p.year = ${year} and not i.removed and p.state = 'published' group by p.kind`,
  );
  const label = new Map(kinds.map((k) => [k.key, k.label]));
  const count = (category: string) =>
    new Map(byKind.filter((r) => r.category === category).map((r) => [r.kind, r.n] as [string, number]));
  const planOf = (k: string) => plan.find((p) => p.kind === k) ?? { items: 0, carried: 0 };
  return {
    year,
    byKind: byKind
      .map((r) => ({ kind: r.kind, label: label.get(r.kind) ?? r.kind, category: r.category, events: r.n }))
      .sort((a, b) => kinds.findIndex((k) => k.key === a.kind) - kinds.findIndex((k) => k.key === b.kind)),
    bySpecialCommittee: bySc.map((r) => ({ name: r.name ?? '未指定专委会', events: r.n })),
    plan: { consultation: planOf('consultation'), supervision: planOf('supervision') },
    participants: people?.participants ?? 0,
    members: people?.members ?? 0,
    speeches: people?.speeches ?? 0,
    delivered: people?.delivered ?? 0,
    sentence: yearSentence(
      kinds.filter((k) => k.category === 'consultation'),
      count('consultation'),
      '协商',
    ),
    supervisionSentence: yearSentence(
      kinds.filter((k) => k.category === 'supervision'),
      count('supervision'),
      '民主监督',
    ),
  };
}
