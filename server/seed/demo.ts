// The deterministic demo: 示例市政协 (term 6, session 1) with ~300 members, ~40 handling units with accounts, staff of
// each office and a leader; 示例县政协 under it with its own admin and ~150 members. Same input, same rows, every time.
import { sql } from 'drizzle-orm';
import { namePinyin } from '../modules/org/members-query.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { Role } from '../platform/auth/permissions.ts';
import { systemActor } from '../platform/context.ts';
import { type Db, query, queryOne } from '../platform/db/client.ts';
import { toSearchVector } from '../platform/search/search.ts';
import { blindIndex, encryptField } from '../platform/secrets/field-crypto.ts';
import { ETHNICITIES, idNumber, personName, prng, titleAt, WORK_UNITS } from './demo-people.ts';
import { ORGANISATIONS, SECTORS, SPECIAL_COMMITTEES, UNITS } from './demo-reference.ts';

export const DEMO_PASSWORD = 'Demo@2026';

interface AccountSeed {
  username: string;
  displayName: string;
  roles: Role[];
  memberId?: number;
  unitId?: number;
  orgId?: number;
  informantId?: number;
  office?: string;
  phone?: string;
}

async function insertAccounts(tx: Db, committeeId: number, passwordHash: string, accounts: AccountSeed[]) {
  for (let i = 0; i < accounts.length; i += 200) {
    const chunk = accounts.slice(i, i + 200);
    await tx.execute(sql`insert into accounts (committee_id, username, display_name, password_hash, roles, member_id, unit_id, org_id, informant_id, office, phone_enc, phone_hash, must_change_password)
      values ${sql.join(
        chunk.map(
          (a) =>
            sql`(${committeeId}, ${a.username}, ${a.displayName}, ${passwordHash}, ${sql.param(a.roles)}::text[], ${a.memberId ?? null}, ${a.unitId ?? null}, ${a.orgId ?? null}, ${a.informantId ?? null}, ${a.office ?? null}, ${encryptField(a.phone)}, ${blindIndex(a.phone)}, false)`,
        ),
        sql`, `,
      )}`);
  }
}

interface CommitteeSeed {
  name: string;
  shortName: string;
  level: 'city' | 'county';
  parentId: number | null;
  region: string;
  prefix: string;
  memberCount: number;
  unitNames: string[];
  seed: number;
}

async function seedCommittee(tx: Db, c: CommitteeSeed, passwordHash: string) {
  const rand = prng(c.seed);
  const [{ id: committeeId }] = await query<{ id: number }>(
    tx,
    sql`insert into committees (name, short_name, level, parent_id, region_code) values (${c.name}, ${c.shortName}, ${c.level}, ${c.parentId}, ${c.region}) returning id`,
  );
  const [{ id: termId }] = await query<{ id: number }>(
    tx,
    sql`insert into terms (committee_id, number, name, start_date, end_date, is_current) values (${committeeId}, 6, '第六届', '2026-01-10', '2031-01-09', true) returning id`,
  );
  await tx.execute(sql`insert into plenary_sessions (committee_id, term_id, number, name, year, opens_on, filing_deadline, is_current)
    values (${committeeId}, ${termId}, 1, '六届一次会议', 2026, '2026-01-10', '2026-01-14', true),
           (${committeeId}, ${termId}, 2, '六届二次会议', 2027, '2027-01-12', '2027-01-16', false)`);
  const sectors = await query<{ id: number; name: string }>(
    tx,
    sql`insert into sectors (committee_id, name, sort) values ${sql.join(
      SECTORS.map((s, i) => sql`(${committeeId}, ${s}, ${i})`),
      sql`, `,
    )} returning id, name`,
  );
  const specials = await query<{ id: number }>(
    tx,
    sql`insert into special_committees (committee_id, name, sort) values ${sql.join(
      SPECIAL_COMMITTEES.map((s, i) => sql`(${committeeId}, ${s}, ${i})`),
      sql`, `,
    )} returning id`,
  );
  const groups = await query<{ id: number }>(
    tx,
    sql`insert into member_groups (committee_id, kind, name) values ${sql.join(
      ['第一学习组', '第二学习组', '第三学习组', '第四学习组', '第五学习组'].map(
        (g) => sql`(${committeeId}, 'study', ${g})`,
      ),
      sql`, `,
    )} returning id`,
  );
  const units = await query<{ id: number; name: string }>(
    tx,
    sql`insert into handling_units (committee_id, name, contact_name) values ${sql.join(
      c.unitNames.map((u) => sql`(${committeeId}, ${u}, ${personName(rand)})`),
      sql`, `,
    )} returning id, name`,
  );
  const orgs = await query<{ id: number; name: string }>(
    tx,
    sql`insert into organisations (committee_id, name, kind, responsible_name) values ${sql.join(
      ORGANISATIONS.map(
        ([n, k]) =>
          sql`(${committeeId}, ${n.replace('示例市', c.shortName.replace('政协', ''))}, ${k}, ${personName(rand)})`,
      ),
      sql`, `,
    )} returning id, name`,
  );

  const memberRows: { id: number; name: string }[] = [];
  for (let i = 1; i <= c.memberCount; i++) {
    const name = personName(rand);
    const female = rand() < 0.38;
    const year = 1958 + Math.floor(rand() * 32);
    const birth = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const sector = sectors[Math.floor(rand() * sectors.length)];
    const phone = `13${String(Math.floor(rand() * 10))}${String(10000000 + i * 7919 + c.seed).slice(-8)}`;
    const idNo = idNumber(c.region, birth, i, female);
    // The chair is the last member, who signs in as the leader only (no memberNNN account): a member's demo account
    // is never the chair the leader's home shows. The chair stands in for the last of the standing members.
    const chair = i === c.memberCount;
    const leadership = chair ? 'chair' : i >= 2 && i <= 5 ? 'viceChair' : i === 6 ? 'secretaryGeneral' : null;
    const standing = chair || i < Math.round(c.memberCount * 0.18);
    const workUnit = WORK_UNITS[Math.floor(rand() * WORK_UNITS.length)];
    const title = titleAt(workUnit, rand());
    const party = sector.name.startsWith('中国共产党')
      ? '中共党员'
      : sector.name.startsWith('中国') && i % 2
        ? sector.name.replace('中国', '')
        : '群众';
    const [m] = await query<{ id: number }>(
      tx,
      sql`insert into members (committee_id, term_id, code, name, gender, ethnicity, birth_date, party, sector_id, work_unit, job_title,
          phone_enc, id_number_enc, id_number_hash, standing_member, leadership_role, name_pinyin, search)
        values (${committeeId}, ${termId}, ${`${c.prefix}${String(i).padStart(4, '0')}`}, ${name}, ${female ? '女' : '男'}, ${ETHNICITIES[Math.floor(rand() * ETHNICITIES.length)]},
          ${birth}, ${party}, ${sector.id}, ${workUnit}, ${title}, ${encryptField(phone)}, ${encryptField(idNo)}, ${blindIndex(idNo)}, ${standing}, ${leadership},
          ${namePinyin(name)}, ${toSearchVector(name, workUnit, title, sector.name, `${c.prefix}${String(i).padStart(4, '0')}`)})
        returning id`,
    );
    memberRows.push({ id: m.id, name });
    await tx.execute(sql`insert into member_special_committees (committee_id, member_id, special_committee_id)
      values (${committeeId}, ${m.id}, ${specials[i % specials.length].id})`);
    await tx.execute(
      sql`insert into member_group_links (committee_id, member_id, group_id) values (${committeeId}, ${m.id}, ${groups[i % groups.length].id})`,
    );
  }

  const informants = await query<{ id: number; name: string }>(
    tx,
    sql`insert into informants (committee_id, name, work_unit, area) values ${sql.join(
      Array.from(
        { length: 10 },
        (_, i) => sql`(${committeeId}, ${personName(rand)}, ${'社区居委会'}, ${`第${i + 1}网格`})`,
      ),
      sql`, `,
    )} returning id, name`,
  );

  const p = c.prefix;
  const chairRow = memberRows[memberRows.length - 1];
  const staff: AccountSeed[] =
    c.level === 'city'
      ? [
          { username: 'admin', displayName: '系统管理员', roles: ['sysAdmin', 'committeeAdmin'] },
          {
            username: 'proposal_staff',
            displayName: '提案委 周敏',
            roles: ['proposalStaff'],
            office: '提案委员会办公室',
          },
          { username: 'liaison_staff', displayName: '联络处 孙丽', roles: ['liaisonStaff'], office: '委员联络处' },
          { username: 'office_staff', displayName: '办公室 吴刚', roles: ['officeStaff'], office: '办公室' },
          {
            username: 'special_staff',
            displayName: '专委会 郑洁',
            roles: ['specialCommitteeStaff'],
            office: '经济委员会',
          },
          {
            username: 'leader',
            displayName: `主席 ${chairRow.name}`,
            roles: ['leader'],
            memberId: chairRow.id,
          },
        ]
      : [
          { username: 'county_admin', displayName: '县政协管理员', roles: ['committeeAdmin'] },
          {
            username: 'county_proposal_staff',
            displayName: '县提案委 冯静',
            roles: ['proposalStaff'],
            office: '提案委员会办公室',
          },
          {
            username: 'county_liaison_staff',
            displayName: '县联络委 何平',
            roles: ['liaisonStaff'],
            office: '委员联络委',
          },
          { username: 'county_office_staff', displayName: '县办公室 罗军', roles: ['officeStaff'], office: '办公室' },
          {
            username: 'county_leader',
            displayName: `主席 ${chairRow.name}`,
            roles: ['leader'],
            memberId: chairRow.id,
          },
        ];
  const accounts: AccountSeed[] = [
    ...staff,
    ...memberRows.slice(0, -1).map((m, i) => ({
      username: `${p}member${String(i + 1).padStart(3, '0')}`,
      displayName: m.name,
      roles: ['member'] as Role[],
      memberId: m.id,
      phone: `139${String(c.seed).padStart(2, '0').slice(-2)}${String(100000 + i).slice(-6)}`,
    })),
    ...units.map((u, i) => ({
      username: `${p}unit${String(i + 1).padStart(2, '0')}`,
      displayName: u.name,
      roles: ['unitUser'] as Role[],
      unitId: u.id,
    })),
    // orgNN is the organisation's responsible person, who approves collective proposals; orgNN_staff files them.
    ...orgs.flatMap((o, i) => [
      {
        username: `${p}org${String(i + 1).padStart(2, '0')}`,
        displayName: o.name,
        roles: ['orgAccount', 'orgLeader'] as Role[],
        orgId: o.id,
      },
      {
        username: `${p}org${String(i + 1).padStart(2, '0')}_staff`,
        displayName: `${o.name}经办人`,
        roles: ['orgAccount'] as Role[],
        orgId: o.id,
      },
    ]),
    ...informants.map((inf, i) => ({
      username: `${p}informant${String(i + 1).padStart(2, '0')}`,
      displayName: inf.name,
      roles: ['informant'] as Role[],
      informantId: inf.id,
    })),
  ];
  await insertAccounts(tx, committeeId, passwordHash, accounts);
  await writeAudit(tx, systemActor(committeeId, '演示数据'), {
    action: 'seed.demo',
    entity: 'committee',
    entityId: committeeId,
    after: { name: c.name },
  });
  return committeeId;
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from committees`);
  return row!.n === 0;
}

/** Seeds both demo committees in one transaction; returns their ids. */
export async function seedDemo(db: Db): Promise<{ cityId: number; countyId: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const cityId = await seedCommittee(
      tx,
      {
        name: '示例市政协',
        shortName: '示例市政协',
        level: 'city',
        parentId: null,
        region: '110100',
        prefix: '',
        memberCount: 300,
        unitNames: UNITS,
        seed: 11,
      },
      passwordHash,
    );
    const countyId = await seedCommittee(
      tx,
      {
        name: '示例县政协',
        shortName: '示例县政协',
        level: 'county',
        parentId: cityId,
        region: '110121',
        prefix: 'county_',
        memberCount: 150,
        unitNames: UNITS.slice(0, 20).map((u) => u.replace(/^市/, '县')),
        seed: 23,
      },
      passwordHash,
    );
    return { cityId, countyId };
  });
}

export const DEMO_ACCOUNTS = [
  ['admin', '系统管理员 / 市政协管理员'],
  ['proposal_staff', '市提案委工作人员'],
  ['liaison_staff', '市社情民意工作人员'],
  ['office_staff', '市办公室工作人员'],
  ['special_staff', '市专委会工作人员'],
  ['leader', '市政协领导'],
  ['member001 … member299', '市政协委员'],
  ['unit01 … unit40', '承办单位（unit01 = 市发展和改革委员会）'],
  ['org01 … org10', '党派团体负责人（审批集体提案）'],
  ['org01_staff … org10_staff', '党派团体经办人（起草集体提案）'],
  ['informant01 … informant10', '信息员'],
  ['county_admin', '县政协管理员'],
  ['county_proposal_staff / county_liaison_staff / county_office_staff', '县政协工作人员'],
  ['county_leader', '县政协领导'],
  ['county_member001 … county_member149', '县政协委员'],
] as const;
