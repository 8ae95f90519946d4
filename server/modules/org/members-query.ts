// Members list: the filters, the search (profile words, member number, account name, pinyin) and the sort order.
import { type SQL, sql } from 'drizzle-orm';
import { pinyin } from 'pinyin-pro';
import { matchSearch } from '../../platform/search/search.ts';
import { normaliseLine } from '../../platform/text/normalise.ts';
import type { Gender, Leadership, MemberStatus } from './members-service.ts';

export interface MemberFilters {
  q?: string;
  termId?: number;
  sectorId?: number;
  specialCommitteeId?: number;
  groupId?: number;
  standingMember?: boolean;
  leadershipRole?: Leadership | 'any' | 'none';
  status?: MemberStatus;
  gender?: Gender;
  party?: string;
  sort?: 'code' | 'name' | 'birthDate' | 'sector' | 'updatedAt';
  order?: 'asc' | 'desc';
}

/**
 * The conditions that a member row `m` (members, or the member directory) belongs to the special committee
 * `specialCommitteeId` and to the member group `groupId`, each null when that filter is not asked (drop the nulls).
 * Usage: `const conds = [sql`m.committee_id = ${c}`, ...memberBodyConds(q)];` then join the non-null ones with ` and `.
 */
export function memberBodyConds(f: { specialCommitteeId?: number; groupId?: number }): (SQL | null)[] {
  return [
    f.specialCommitteeId
      ? sql`exists (select 1 from member_special_committees x where x.committee_id = m.committee_id and x.member_id = m.id and x.special_committee_id = ${f.specialCommitteeId})`
      : null,
    f.groupId
      ? sql`exists (select 1 from member_group_links x where x.committee_id = m.committee_id and x.member_id = m.id and x.group_id = ${f.groupId})`
      : null,
  ];
}

export function memberWhere(committeeId: number, f: MemberFilters): SQL {
  const conds: (SQL | null)[] = [
    sql`m.committee_id = ${committeeId}`,
    f.termId ? sql`m.term_id = ${f.termId}` : null,
    f.sectorId ? sql`m.sector_id = ${f.sectorId}` : null,
    ...memberBodyConds(f),
    f.standingMember === undefined ? null : sql`m.standing_member = ${f.standingMember}`,
    f.leadershipRole === 'any'
      ? sql`m.leadership_role is not null`
      : f.leadershipRole === 'none'
        ? sql`m.leadership_role is null`
        : f.leadershipRole
          ? sql`m.leadership_role = ${f.leadershipRole}`
          : null,
    f.status ? sql`m.status = ${f.status}` : null,
    f.gender ? sql`m.gender = ${f.gender}` : null,
    f.party ? sql`m.party = ${f.party}` : null,
    memberSearch(f.q),
  ];
  return sql.join(
    conds.filter((c): c is SQL => c !== null),
    sql` and `,
  );
}

/**
 * A member's search: words of the profile (full-text), the member number (any part of it), the sign-in name of the
 * member's account (from its start), or the name's pinyin or initials (「zs」, 「zhangs」 find 张三).
 */
function memberSearch(q: string | undefined): SQL | null {
  const words = matchSearch(sql`m.search`, q);
  if (!words) return null;
  const text = normaliseLine(q!).toLowerCase().replace(/\s+/g, '');
  const prefix = `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const pinyin = /^[a-z]+$/.test(text) ? sql` or m.name_pinyin like ${`% ${prefix}`}` : sql``;
  return sql`(${words} or lower(m.code) like ${`%${prefix}`}
    or exists (select 1 from accounts a where a.committee_id = m.committee_id and a.member_id = m.id and lower(a.username) like ${prefix})
    ${pinyin})`;
}

/** ' zhangsan zs ': the name's full pinyin and its initials, for prefix matching (surnames read as surnames). */
export function namePinyin(name: string): string {
  const opts = { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed' } as const;
  const full = pinyin(name, opts).join('').toLowerCase();
  const initials = pinyin(name, { ...opts, pattern: 'first' })
    .join('')
    .toLowerCase();
  return ` ${full} ${initials} `;
}

export function memberOrder(f: MemberFilters): SQL {
  const dir = sql.raw(f.order === 'desc' ? 'desc' : 'asc');
  switch (f.sort) {
    case 'name':
      return sql`m.name ${dir}, m.id`;
    case 'birthDate':
      return sql`m.birth_date ${dir} nulls last, m.id`;
    case 'sector':
      return sql`s.sort ${dir}, s.id, m.code, m.id`;
    case 'updatedAt':
      return sql`m.updated_at ${dir}, m.id`;
    default:
      return sql`m.code ${dir} nulls last, m.id ${dir}`;
  }
}
