// Liaison (联系): relationships as data — who keeps in touch with whom under which published scheme and how often —
// contact points of the grid, and contact logs. A link is overdue when its last contact (or its creation) is older than
// its frequency; coverage is the share of active links that are not overdue.
import { type SQL, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingToday, beijingYearOf } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { getSetting } from '../../platform/settings/settings.ts';
import { normaliseLine } from '../../platform/text/normalise.ts';
import { memberDirectory } from '../org/members-directory.ts';
import { isLinkMember, isStaff } from './policy.ts';
import type { ContactInput, LinkInput, PointInput } from './schemas.ts';

export const SCHEMES: Record<string, string> = {
  leaderMember: '领导联系委员',
  committeeSector: '专委会联系界别委员',
  partyNonParty: '党员委员联系党外委员',
  memberPublic: '委员联系群众（网格联络点）',
};
export const METHODS: Record<string, string> = {
  visit: '走访',
  phone: '电话',
  meeting: '座谈',
  online: '网上联系',
  other: '其他',
};
export const LIAISON_SETTING = 'liaison.settings';
/** frequencyDays: a scheme's required frequency when a link does not set its own (default once a quarter). */
export const LIAISON_DEFAULTS = {
  frequencyDays: { leaderMember: 90, committeeSector: 90, partyNonParty: 90, memberPublic: 30 } as Record<
    string,
    number
  >,
};

const linkNotFound = () => notFound('liaison.link_not_found', '联系关系不存在');

export async function addContactPoint(db: Db, actor: Actor, b: PointInput): Promise<number> {
  return db.transaction(async (tx) => {
    const r = await queryOne<{ id: number }>(
      tx,
      sql`insert into liaison_contact_points (committee_id, name, area) values (${actor.committeeId}, ${normaliseLine(b.name)}, ${normaliseLine(b.area ?? '')})
        on conflict (committee_id, name) do nothing returning id`,
    );
    if (!r) throw badRequest('liaison.point_exists', '同名联络点已存在', 'name');
    await writeAudit(tx, actor, {
      action: 'liaison.point.create',
      entity: 'liaison_contact_point',
      entityId: r.id,
      after: b,
    });
    return r.id;
  });
}

export const listContactPoints = (db: Db, actor: Actor) =>
  query<{ id: number; name: string; area: string }>(
    db,
    sql`select id, name, area from liaison_contact_points where committee_id = ${actor.committeeId} order by id`,
  );

async function exists(tx: Db, table: string, c: number, id: number | undefined, extra: SQL = sql``) {
  if (!id) return false;
  return !!(await queryOne(tx, sql`select 1 from ${sql.raw(table)} where committee_id = ${c} and id = ${id} ${extra}`));
}

export async function addLink(db: Db, actor: Actor, b: LinkInput): Promise<number> {
  const c = actor.committeeId;
  if (!!b.ownerMemberId === !!b.ownerSpecialCommitteeId)
    throw badRequest('liaison.owner', '请选择联系人（委员或专委会）之一', 'ownerMemberId');
  if (!!b.memberId === !!b.contactPointId)
    throw badRequest('liaison.target', '请选择联系对象（委员或联络点）之一', 'memberId');
  return db.transaction(async (tx) => {
    if (b.ownerMemberId && !(await exists(tx, 'members', c, b.ownerMemberId, sql`and status = 'active'`)))
      throw badRequest('liaison.owner', '所选联系人不存在', 'ownerMemberId');
    if (b.ownerSpecialCommitteeId && !(await exists(tx, 'special_committees', c, b.ownerSpecialCommitteeId)))
      throw badRequest('liaison.owner', '所选专委会不存在', 'ownerSpecialCommitteeId');
    if (b.memberId && !(await exists(tx, 'members', c, b.memberId, sql`and status = 'active'`)))
      throw badRequest('liaison.target', '所选联系委员不存在', 'memberId');
    if (b.contactPointId && !(await exists(tx, 'liaison_contact_points', c, b.contactPointId)))
      throw badRequest('liaison.target', '所选联络点不存在', 'contactPointId');
    const s = await getSetting(tx, c, LIAISON_SETTING, beijingYearOf(), LIAISON_DEFAULTS);
    const freq = b.frequencyDays ?? s.frequencyDays[b.scheme] ?? 90;
    const r = await queryOne<{ id: number }>(
      tx,
      sql`insert into liaison_links (committee_id, scheme, owner_member_id, owner_special_committee_id, member_id, contact_point_id, frequency_days)
        values (${c}, ${b.scheme}, ${b.ownerMemberId ?? null}, ${b.ownerSpecialCommitteeId ?? null}, ${b.memberId ?? null},
          ${b.contactPointId ?? null}, ${freq}) returning id`,
    );
    await writeAudit(tx, actor, {
      action: 'liaison.link.create',
      entity: 'liaison_link',
      entityId: r!.id,
      after: { ...b, frequencyDays: freq },
    });
    return r!.id;
  });
}

/** Links with their last contact and overdue flag; `mine` keeps those the actor keeps or is kept by. */
export function linksSql(c: number, today: string, where: SQL) {
  return sql`select l.id, l.scheme, l.frequency_days, l.owner_member_id, om.name as owner_member_name,
      l.owner_special_committee_id, sc.name as owner_committee_name, l.member_id, tm.name as member_name,
      ts.name as member_sector_name, l.contact_point_id, cp.name as contact_point_name,
      last.day::text as last_contacted_on, (coalesce(last.day, l.created_at::date) + l.frequency_days)::text as due_on,
      (coalesce(last.day, l.created_at::date) + l.frequency_days) < ${today}::date as overdue
    from liaison_links l
    left join ${memberDirectory} om on om.committee_id = l.committee_id and om.id = l.owner_member_id
    left join special_committees sc on sc.committee_id = l.committee_id and sc.id = l.owner_special_committee_id
    left join ${memberDirectory} tm on tm.committee_id = l.committee_id and tm.id = l.member_id
    left join sectors ts on ts.committee_id = tm.committee_id and ts.id = tm.sector_id
    left join liaison_contact_points cp on cp.committee_id = l.committee_id and cp.id = l.contact_point_id
    left join lateral (select max(contacted_on) as day from liaison_contacts x where x.committee_id = l.committee_id and x.link_id = l.id) last on true
    where l.committee_id = ${c} and l.active and ${where}`;
}

const mineCond = (a: Actor) => sql`(l.owner_member_id = ${a.memberId ?? -1} or l.member_id = ${a.memberId ?? -1})`;

/** A row of linksSql. */
interface LinkRow {
  id: number;
  scheme: string;
  frequency_days: number;
  owner_member_id: number | null;
  owner_member_name: string | null;
  owner_special_committee_id: number | null;
  owner_committee_name: string | null;
  member_id: number | null;
  member_name: string | null;
  member_sector_name: string | null;
  contact_point_id: number | null;
  contact_point_name: string | null;
  last_contacted_on: string | null;
  due_on: string;
  overdue: boolean;
}

const presentLink = (r: LinkRow) => ({
  id: r.id,
  scheme: r.scheme,
  schemeLabel: SCHEMES[r.scheme],
  frequencyDays: r.frequency_days,
  owner: r.owner_member_name ?? r.owner_committee_name,
  ownerMemberId: r.owner_member_id,
  ownerSpecialCommitteeId: r.owner_special_committee_id,
  target: r.member_name ?? r.contact_point_name,
  memberId: r.member_id,
  sectorName: r.member_sector_name,
  contactPointId: r.contact_point_id,
  lastContactedOn: r.last_contacted_on,
  dueOn: r.due_on,
  overdue: r.overdue,
});

export interface LinkQuery {
  mine?: boolean;
  overdue?: boolean;
  scheme?: string;
}

/** The list's conditions on links `l`: a member (or `mine`) sees the links they keep or are kept by. Snapshotted in
 *  server/sql/liaison/. */
export function linkListConds(actor: Actor, q: LinkQuery): SQL[] {
  const conds: SQL[] = [sql`true`];
  if (q.mine || !isStaff(actor)) conds.push(mineCond(actor));
  if (q.scheme) conds.push(sql`l.scheme = ${q.scheme}`);
  return conds;
}

export async function listLinks(db: Db, actor: Actor, q: LinkQuery) {
  const conds = linkListConds(actor, q);
  const rows = await query<LinkRow>(
    db,
    sql`select * from (${linksSql(actor.committeeId, beijingToday(), sql.join(conds, sql` and `))}) z
      ${q.overdue ? sql`where overdue` : sql``} order by overdue desc, due_on, id`,
  );
  return { items: rows.map(presentLink), total: rows.length };
}

/** Who may log a contact on a link: its owner member, the member kept in touch with, or liaison staff. */
export async function logContact(db: Db, actor: Actor, linkId: number, b: ContactInput): Promise<number> {
  return db.transaction(async (tx) => {
    const l = await queryOne<{ ownerMemberId: number | null; memberId: number | null }>(
      tx,
      sql`select owner_member_id as "ownerMemberId", member_id as "memberId" from liaison_links
        where committee_id = ${actor.committeeId} and id = ${linkId} and active`,
    );
    if (!l) throw linkNotFound();
    const mine = isLinkMember(actor, l);
    if (!mine && !isStaff(actor)) throw linkNotFound();
    const day = b.contactedOn ?? beijingToday();
    if (day > beijingToday()) throw badRequest('liaison.future', '联系日期不能晚于今天', 'contactedOn');
    const r = await queryOne<{ id: number }>(
      tx,
      sql`insert into liaison_contacts (committee_id, link_id, contacted_on, method, raised, followup, logged_by, logged_by_name)
        values (${actor.committeeId}, ${linkId}, ${day}, ${b.method}, ${b.raised?.trim() ?? ''}, ${b.followup?.trim() ?? ''},
          ${actor.accountId}, ${actor.name}) returning id`,
    );
    await writeAudit(tx, actor, {
      action: 'liaison.contact.log',
      entity: 'liaison_contact',
      entityId: r!.id,
      after: { linkId, ...b, contactedOn: day },
    });
    return r!.id;
  });
}

export async function listContacts(db: Db, actor: Actor, linkId: number) {
  const { items } = await listLinks(db, actor, {});
  if (!items.some((l) => l.id === linkId)) throw linkNotFound();
  const rows = await query<{
    id: number;
    day: string;
    method: string;
    raised: string;
    followup: string;
    logged_by_name: string;
  }>(
    db,
    sql`select id, contacted_on::text as day, method, raised, followup, logged_by_name from liaison_contacts
      where committee_id = ${actor.committeeId} and link_id = ${linkId} order by contacted_on desc, id desc`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      contactedOn: r.day,
      method: r.method,
      methodLabel: METHODS[r.method],
      raised: r.raised,
      followup: r.followup,
      loggedBy: r.logged_by_name,
    })),
  };
}

/** Coverage per owner (leader/member), special committee or the kept member's sector: links, links in time, share. */
export async function coverage(db: Db, actor: Actor, by: 'owner' | 'specialCommittee' | 'sector') {
  const key =
    by === 'owner'
      ? sql`coalesce(owner_member_name, owner_committee_name)`
      : by === 'specialCommittee'
        ? sql`owner_committee_name`
        : sql`member_sector_name`;
  const rows = await query<{ name: string | null; links: number; in_time: number }>(
    db,
    sql`select ${key} as name, count(*)::int as links, count(*) filter (where not overdue)::int as in_time
      from (${linksSql(actor.committeeId, beijingToday(), sql`true`)}) z
      where ${key} is not null group by 1 order by 1`,
  );
  return {
    items: rows.map((r) => ({
      name: r.name,
      links: r.links,
      inTime: r.in_time,
      coverage: r.links ? Math.round((r.in_time / r.links) * 1000) / 10 : 0,
    })),
  };
}
