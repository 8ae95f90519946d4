// Members: reading with filters and masking, and the one write path (form and roster import both use it) that keeps
// the search vector, encrypted fields, committee/group links and the audit log in step.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest } from '../../platform/errors.ts';
import { toSearchVector } from '../../platform/search/search.ts';
import {
  blindIndex,
  decryptField,
  encryptField,
  maskIdNumber,
  maskPhone,
} from '../../platform/secrets/field-crypto.ts';
import { normaliseLine } from '../../platform/text/normalise.ts';
import { normaliseIdNumber } from './common.ts';
import { termNotFound } from './errors.ts';
import { type MemberFilters, memberOrder, memberWhere, namePinyin } from './members-query.ts';

export type Gender = '男' | '女';
export type Leadership = 'chair' | 'viceChair' | 'secretaryGeneral';
export type MemberStatus = 'active' | 'suspended' | 'exited';

export interface MemberInput {
  termId: number;
  code: string | null;
  name: string;
  gender: Gender | null;
  ethnicity: string | null;
  birthDate: string | null;
  party: string | null;
  sectorId: number;
  specialCommitteeIds: number[];
  groupIds: number[];
  workUnit: string | null;
  jobTitle: string | null;
  /** undefined keeps the stored value; null or '' clears it. */
  phone?: string | null;
  idNumber?: string | null;
  standingMember: boolean;
  leadershipRole: Leadership | null;
}

export async function currentTermId(db: Db, committeeId: number): Promise<number | null> {
  const row = await queryOne<{ id: number }>(
    db,
    sql`select id from terms where committee_id = ${committeeId} order by is_current desc, number desc limit 1`,
  );
  return row?.id ?? null;
}

/** Whether term `termId` is committee `committeeId`'s. */
export async function termExists(db: Db, committeeId: number, termId: number): Promise<boolean> {
  return !!(await queryOne(db, sql`select 1 from terms where committee_id = ${committeeId} and id = ${termId}`));
}

/** Locks member `id` for the rest of the transaction; its status, or null when the committee has no such member. */
export async function lockMember(tx: Db, committeeId: number, id: number): Promise<{ status: MemberStatus } | null> {
  return (
    (await queryOne<{ status: MemberStatus }>(
      tx,
      sql`select status from members where committee_id = ${committeeId} and id = ${id} for update`,
    )) ?? null
  );
}

/** The member's first account (by id), or null when none was made for them. */
export async function accountOfMember(
  db: Db,
  committeeId: number,
  memberId: number,
): Promise<{ id: number; username: string; disabled: boolean } | null> {
  return (
    (await queryOne<{ id: number; username: string; disabled: boolean }>(
      db,
      sql`select id, username, disabled from accounts where committee_id = ${committeeId} and member_id = ${memberId}
        order by id limit 1`,
    )) ?? null
  );
}

const MEMBER_SELECT = sql`m.id, m.term_id, t.name as term_name, m.code, m.name, m.gender, m.ethnicity,
  to_char(m.birth_date, 'YYYY-MM-DD') as birth_date, m.party, m.sector_id, s.name as sector_name, m.work_unit, m.job_title,
  m.phone_enc, m.id_number_enc, m.standing_member, m.leadership_role, m.status,
  to_char(m.status_date, 'YYYY-MM-DD') as status_date, m.status_reason, m.updated_at,
  coalesce((select json_agg(json_build_object('id', sc.id, 'name', sc.name) order by sc.sort, sc.id)
    from member_special_committees x join special_committees sc on sc.committee_id = x.committee_id and sc.id = x.special_committee_id
    where x.committee_id = m.committee_id and x.member_id = m.id), '[]') as special_committees,
  coalesce((select json_agg(json_build_object('id', g.id, 'name', g.name, 'kind', g.kind) order by g.kind, g.id)
    from member_group_links x join member_groups g on g.committee_id = x.committee_id and g.id = x.group_id
    where x.committee_id = m.committee_id and x.member_id = m.id), '[]') as groups`;

const MEMBER_FROM = sql`members m
  left join sectors s on s.committee_id = m.committee_id and s.id = m.sector_id
  left join terms t on t.committee_id = m.committee_id and t.id = m.term_id`;

const parseJson = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

/** A row of MEMBER_SELECT (the json aggregates may arrive as text from some drivers, hence parseJson). */
interface MemberRow {
  id: number;
  term_id: number;
  term_name: string | null;
  code: string | null;
  name: string;
  gender: string | null;
  ethnicity: string | null;
  birth_date: string | null;
  party: string | null;
  sector_id: number | null;
  sector_name: string | null;
  work_unit: string | null;
  job_title: string | null;
  phone_enc: string | null;
  id_number_enc: string | null;
  standing_member: boolean;
  leadership_role: string | null;
  status: string;
  status_date: string | null;
  status_reason: string | null;
  updated_at: string | Date;
  special_committees: unknown;
  groups: unknown;
}

export function presentMember(row: MemberRow, sensitive: boolean) {
  const phone = decryptField(row.phone_enc);
  const idNumber = decryptField(row.id_number_enc);
  return {
    id: row.id,
    termId: row.term_id,
    termName: row.term_name ?? null,
    code: row.code,
    name: row.name,
    gender: row.gender,
    ethnicity: row.ethnicity,
    birthDate: row.birth_date,
    party: row.party,
    sectorId: row.sector_id,
    sectorName: row.sector_name ?? null,
    specialCommittees: parseJson(row.special_committees) as { id: number; name: string }[],
    groups: parseJson(row.groups) as { id: number; name: string; kind: string }[],
    workUnit: row.work_unit,
    jobTitle: row.job_title,
    phone: sensitive ? phone : maskPhone(phone),
    idNumber: sensitive ? idNumber : maskIdNumber(idNumber),
    standingMember: row.standing_member,
    leadershipRole: row.leadership_role,
    status: row.status,
    statusDate: row.status_date,
    statusReason: row.status_reason,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
export type MemberView = ReturnType<typeof presentMember>;

export const canSeeSensitive = (actor: Actor) => can(actor.roles, 'member.sensitive.read');

/** One member's phone or ID number in full, for the audited 「查看」 action. undefined when there is no such member. */
export async function revealMemberField(tx: Db, actor: Actor, id: number, field: 'phone' | 'idNumber') {
  const row = await queryOne<{ name: string; phone_enc: string | null; id_number_enc: string | null }>(
    tx,
    sql`select name, phone_enc, id_number_enc from members where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  if (!row) return undefined;
  const value = decryptField(field === 'phone' ? row.phone_enc : row.id_number_enc);
  // Who saw whose what: the audit keeps the field and the member, never the value.
  await writeAudit(tx, actor, {
    action: 'member.reveal',
    entity: 'member',
    entityId: id,
    after: { field, name: row.name },
  });
  return value;
}

/** Phones and ID numbers come out masked unless `reveal` (the audited export with sensitive columns) asks otherwise. */
export async function listMembers(
  db: Db,
  actor: Actor,
  f: MemberFilters,
  limit: number,
  offset: number,
  reveal = false,
) {
  const where = memberWhere(actor.committeeId, f);
  const rows = await query<MemberRow>(
    db,
    sql`select ${MEMBER_SELECT} from ${MEMBER_FROM} where ${where} order by ${memberOrder(f)} limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from members m where ${where}`);
  return { items: rows.map((r) => presentMember(r, reveal)), total: total!.n };
}

export async function loadMember(db: Db, committeeId: number, id: number, sensitive = false) {
  const row = await queryOne<MemberRow>(
    db,
    sql`select ${MEMBER_SELECT} from ${MEMBER_FROM} where m.committee_id = ${committeeId} and m.id = ${id}`,
  );
  return row ? presentMember(row, sensitive) : undefined;
}

/** What the audit log keeps of a member: the profile with phone and ID number masked. */
const auditView = (m: MemberView | undefined) => (m ? { ...m, updatedAt: undefined } : undefined);

/** Checks that the ids a member refers to belong to the actor's committee; Chinese message names the field. */
export async function checkMemberRefs(tx: Db, committeeId: number, input: MemberInput) {
  const term = await queryOne(
    tx,
    sql`select 1 from terms where committee_id = ${committeeId} and id = ${input.termId}`,
  );
  if (!term) throw termNotFound();
  const sector = await queryOne(
    tx,
    sql`select 1 from sectors where committee_id = ${committeeId} and id = ${input.sectorId}`,
  );
  if (!sector) throw badRequest('member.sector', '所选「界别」不存在', 'sectorId');
  if (input.specialCommitteeIds.length) {
    const n = await queryOne<{ n: number }>(
      tx,
      sql`select count(*)::int as n from special_committees where committee_id = ${committeeId} and id = any(${sql.param(input.specialCommitteeIds)}::int[])`,
    );
    if (n!.n !== new Set(input.specialCommitteeIds).size)
      throw badRequest('member.special_committee', '所选「专委会」不存在', 'specialCommitteeIds');
  }
  if (input.groupIds.length) {
    const n = await queryOne<{ n: number }>(
      tx,
      sql`select count(*)::int as n from member_groups where committee_id = ${committeeId} and id = any(${sql.param(input.groupIds)}::int[])`,
    );
    if (n!.n !== new Set(input.groupIds).size) throw badRequest('member.group', '所选「小组」不存在', 'groupIds');
  }
}

async function assertIdNumberFree(tx: Db, committeeId: number, termId: number, hash: string, selfId: number | null) {
  const other = await queryOne<{ id: number; name: string }>(
    tx,
    sql`select id, name from members where committee_id = ${committeeId} and term_id = ${termId} and id_number_hash = ${hash}
      ${selfId ? sql`and id <> ${selfId}` : sql``}`,
  );
  if (other) throw badRequest('member.duplicate', `「身份证号」与本届委员「${other.name}」重复`, 'idNumber');
}

async function writeLinks(tx: Db, committeeId: number, memberId: number, input: MemberInput, isNew: boolean) {
  if (!isNew) {
    await tx.execute(
      sql`delete from member_special_committees where committee_id = ${committeeId} and member_id = ${memberId}`,
    );
    await tx.execute(
      sql`delete from member_group_links where committee_id = ${committeeId} and member_id = ${memberId}`,
    );
  }
  const specials = [...new Set(input.specialCommitteeIds)];
  if (specials.length) {
    await tx.execute(sql`insert into member_special_committees (committee_id, member_id, special_committee_id)
      select ${committeeId}, ${memberId}, unnest(${sql.param(specials)}::int[])`);
  }
  const groups = [...new Set(input.groupIds)];
  if (groups.length) {
    await tx.execute(sql`insert into member_group_links (committee_id, member_id, group_id)
      select ${committeeId}, ${memberId}, unnest(${sql.param(groups)}::int[])`);
  }
}

/** Rebuilds the search vector from the member's own fields and the names of what it links to. */
export async function refreshMemberSearch(tx: Db, committeeId: number, memberId: number) {
  const row = await queryOne<{
    name: string;
    code: string | null;
    work_unit: string | null;
    job_title: string | null;
    party: string | null;
    ethnicity: string | null;
    sector: string | null;
    specials: string | null;
  }>(
    tx,
    sql`select m.name, m.code, m.work_unit, m.job_title, m.party, m.ethnicity, s.name as sector,
      (select string_agg(sc.name, ' ') from member_special_committees x join special_committees sc
        on sc.committee_id = x.committee_id and sc.id = x.special_committee_id
        where x.committee_id = m.committee_id and x.member_id = m.id) as specials
      from members m left join sectors s on s.committee_id = m.committee_id and s.id = m.sector_id
      where m.committee_id = ${committeeId} and m.id = ${memberId}`,
  );
  await tx.execute(
    sql`update members set name_pinyin = ${namePinyin(row!.name)}, search = ${toSearchVector(
      row!.name,
      row!.work_unit,
      row!.job_title,
      row!.sector,
      row!.party,
      row!.code,
      row!.ethnicity,
      row!.specials,
    )} where committee_id = ${committeeId} and id = ${memberId}`,
  );
}

const clean = (s: string | null | undefined) => {
  const t = s == null ? '' : normaliseLine(s);
  return t ? t : null;
};

/** After member `id`'s row is written: its links, its search vector, and the audit entry (`member.create`, or
 *  `member.update` with `before.view` as the before image) holding the member as read back and `source`. */
async function finishMemberWrite(
  tx: Db,
  actor: Actor,
  id: number,
  input: MemberInput,
  source: 'form' | 'import',
  before?: { view: MemberView | undefined },
) {
  await writeLinks(tx, actor.committeeId, id, input, !before);
  await refreshMemberSearch(tx, actor.committeeId, id);
  const after = await loadMember(tx, actor.committeeId, id, false);
  await writeAudit(tx, actor, {
    action: before ? 'member.update' : 'member.create',
    entity: 'member',
    entityId: id,
    ...(before && { before: auditView(before.view) }),
    after: { ...auditView(after), source },
  });
}

export async function createMember(tx: Db, actor: Actor, input: MemberInput, source: 'form' | 'import' = 'form') {
  const c = actor.committeeId;
  const idNumber = clean(input.idNumber) ? normaliseIdNumber(input.idNumber!) : null;
  const hash = blindIndex(idNumber);
  if (hash) await assertIdNumberFree(tx, c, input.termId, hash, null);
  const row = await queryOne<{ id: number }>(
    tx,
    sql`insert into members (committee_id, term_id, code, name, gender, ethnicity, birth_date, party, sector_id, work_unit,
      job_title, phone_enc, id_number_enc, id_number_hash, standing_member, leadership_role)
      values (${c}, ${input.termId}, ${clean(input.code)}, ${normaliseLine(input.name)}, ${input.gender}, ${clean(input.ethnicity)},
        ${input.birthDate}, ${clean(input.party)}, ${input.sectorId}, ${clean(input.workUnit)}, ${clean(input.jobTitle)},
        ${encryptField(clean(input.phone))}, ${encryptField(idNumber)}, ${hash}, ${input.standingMember}, ${input.leadershipRole})
      returning id`,
  );
  const id = row!.id;
  await finishMemberWrite(tx, actor, id, input, source);
  return id;
}

export async function updateMember(
  tx: Db,
  actor: Actor,
  id: number,
  input: MemberInput,
  source: 'form' | 'import' = 'form',
) {
  const c = actor.committeeId;
  const before = await loadMember(tx, c, id, false);
  const phoneSet = input.phone === undefined ? sql`` : sql`, phone_enc = ${encryptField(clean(input.phone))}`;
  let idSet = sql``;
  if (input.idNumber !== undefined) {
    const idNumber = clean(input.idNumber) ? normaliseIdNumber(input.idNumber!) : null;
    const hash = blindIndex(idNumber);
    if (hash) await assertIdNumberFree(tx, c, input.termId, hash, id);
    idSet = sql`, id_number_enc = ${encryptField(idNumber)}, id_number_hash = ${hash}`;
  } else if (before && before.termId !== input.termId) {
    const cur = await queryOne<{ h: string | null }>(
      tx,
      sql`select id_number_hash as h from members where committee_id = ${c} and id = ${id}`,
    );
    if (cur?.h) await assertIdNumberFree(tx, c, input.termId, cur.h, id);
  }
  await tx.execute(sql`update members set term_id = ${input.termId}, code = ${clean(input.code)}, name = ${normaliseLine(input.name)},
    gender = ${input.gender}, ethnicity = ${clean(input.ethnicity)}, birth_date = ${input.birthDate}, party = ${clean(input.party)},
    sector_id = ${input.sectorId}, work_unit = ${clean(input.workUnit)}, job_title = ${clean(input.jobTitle)},
    standing_member = ${input.standingMember}, leadership_role = ${input.leadershipRole}, updated_at = now()
    ${phoneSet} ${idSet}
    where committee_id = ${c} and id = ${id}`);
  await finishMemberWrite(tx, actor, id, input, source, { view: before });
}

export async function changeMemberStatus(
  tx: Db,
  actor: Actor,
  id: number,
  change: { status: MemberStatus; date: string; reason: string | null },
) {
  const c = actor.committeeId;
  const before = await queryOne<{ status: string; status_date: string | null; status_reason: string | null }>(
    tx,
    sql`select status, to_char(status_date, 'YYYY-MM-DD') as status_date, status_reason from members
      where committee_id = ${c} and id = ${id}`,
  );
  await tx.execute(sql`update members set status = ${change.status}, status_date = ${change.date},
    status_reason = ${clean(change.reason)}, updated_at = now() where committee_id = ${c} and id = ${id}`);
  await writeAudit(tx, actor, {
    action: 'member.status',
    entity: 'member',
    entityId: id,
    before: { status: before!.status, statusDate: before!.status_date, statusReason: before!.status_reason },
    after: { status: change.status, statusDate: change.date, statusReason: clean(change.reason) },
  });
}
