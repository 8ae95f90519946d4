import { sql } from 'drizzle-orm';
import { type Db, query } from '../../platform/db/client.ts';
import { badRequest } from '../../platform/errors.ts';
import type { RefEntity } from './reference-fields.ts';

const used = (table: string, column: string) =>
  `select count(*) from ${table} u where u.committee_id = t.committee_id and u.${column} = t.id`;

/**
 * A list of names kept in a chosen order (名称, 排序) whose members are counted; a name still held by a member
 * cannot be deleted. `link` is the member table and its column that points at the list's row.
 */
function namedMemberList(key: string, path: string, table: string, label: string, link: [string, string]): RefEntity {
  const members = used(...link);
  return {
    key,
    path,
    table,
    label,
    read: 'org.read',
    manage: 'org.manage',
    fields: [
      { key: 'name', column: 'name', title: '名称', kind: 'text', required: true, maxLength: 50 },
      { key: 'sort', column: 'sort', title: '排序', kind: 'int', default: 0, max: 9999 },
    ],
    orderBy: 't.sort, t.id',
    search: ['name'],
    unique: [['name']],
    counts: [{ key: 'memberCount', title: '委员人数', sql: members }],
    usage: [{ sql: members, message: (n) => `该${label}有 ${n} 名委员，不能删除` }],
  };
}

export const REFERENCE: RefEntity[] = [
  {
    key: 'term',
    path: '/api/org/terms',
    table: 'terms',
    label: '届次',
    read: 'org.read',
    manage: 'org.manage',
    fields: [
      { key: 'number', column: 'number', title: '届数', kind: 'int', required: true, min: 1, max: 99 },
      { key: 'name', column: 'name', title: '名称', kind: 'text', required: true, maxLength: 30 },
      { key: 'startDate', column: 'start_date', title: '开始日期', kind: 'date' },
      { key: 'endDate', column: 'end_date', title: '结束日期', kind: 'date' },
      { key: 'isCurrent', column: 'is_current', title: '本届', kind: 'bool', default: false },
    ],
    orderBy: 't.number desc',
    search: ['name'],
    unique: [['number'], ['name']],
    single: 'isCurrent',
    counts: [
      { key: 'memberCount', title: '委员人数', sql: used('members', 'term_id') },
      { key: 'sessionCount', title: '会议次数', sql: used('plenary_sessions', 'term_id') },
    ],
    usage: [
      { sql: used('members', 'term_id'), message: (n) => `该届次有 ${n} 名委员，不能删除` },
      { sql: used('plenary_sessions', 'term_id'), message: (n) => `该届次下有 ${n} 次会议，请先删除会议` },
    ],
    check: (v) => {
      if (v.startDate && v.endDate && v.endDate < v.startDate)
        throw badRequest('validation', '「结束日期」不能早于开始日期', 'endDate');
    },
  },
  {
    key: 'session',
    path: '/api/org/sessions',
    table: 'plenary_sessions',
    label: '会议',
    read: 'org.read',
    manage: 'org.manage',
    fields: [
      {
        key: 'termId',
        column: 'term_id',
        title: '届次',
        kind: 'ref',
        required: true,
        ref: { table: 'terms', label: '届次' },
        filter: true,
      },
      { key: 'number', column: 'number', title: '次数', kind: 'int', required: true, min: 1, max: 20 },
      { key: 'name', column: 'name', title: '名称', kind: 'text', required: true, maxLength: 30 },
      { key: 'year', column: 'year', title: '年度', kind: 'int', required: true, min: 1949, max: 2100 },
      { key: 'opensOn', column: 'opens_on', title: '开幕日期', kind: 'date' },
      { key: 'filingDeadline', column: 'filing_deadline', title: '提案截止日期', kind: 'date' },
      { key: 'isCurrent', column: 'is_current', title: '本次会议', kind: 'bool', default: false },
    ],
    orderBy: 't.year desc, t.number desc',
    search: ['name'],
    unique: [['termId', 'number']],
    single: 'isCurrent',
    check: (v) => {
      if (v.opensOn && v.filingDeadline && v.filingDeadline < v.opensOn)
        throw badRequest('validation', '「提案截止日期」不能早于开幕日期', 'filingDeadline');
    },
  },
  namedMemberList('sector', '/api/org/sectors', 'sectors', '界别', ['members', 'sector_id']),
  namedMemberList('specialCommittee', '/api/org/special-committees', 'special_committees', '专委会', [
    'member_special_committees',
    'special_committee_id',
  ]),
  {
    key: 'group',
    path: '/api/org/groups',
    table: 'member_groups',
    label: '小组',
    read: 'org.read',
    manage: 'org.manage',
    fields: [
      {
        key: 'kind',
        column: 'kind',
        title: '类型',
        kind: 'enum',
        required: true,
        values: { study: '学习组', work: '工作组' },
        filter: true,
      },
      { key: 'name', column: 'name', title: '名称', kind: 'text', required: true, maxLength: 50 },
    ],
    orderBy: 't.kind, t.id',
    search: ['name'],
    unique: [['kind', 'name']],
    counts: [{ key: 'memberCount', title: '委员人数', sql: used('member_group_links', 'group_id') }],
    usage: [{ sql: used('member_group_links', 'group_id'), message: (n) => `该小组有 ${n} 名委员，不能删除` }],
  },
  {
    key: 'unit',
    path: '/api/org/units',
    table: 'handling_units',
    label: '承办单位',
    read: 'unit.read',
    manage: 'org.manage',
    fields: [
      { key: 'name', column: 'name', title: '单位名称', kind: 'text', required: true, maxLength: 100 },
      {
        key: 'kind',
        column: 'kind',
        title: '单位类型',
        kind: 'enum',
        values: {
          government: '政府部门',
          court: '法检机关',
          enterprise: '企事业单位',
          organisation: '群团组织',
          other: '其他',
        },
        default: 'government',
        filter: true,
      },
      { key: 'contactName', column: 'contact_name', title: '联系人', kind: 'text', maxLength: 30 },
      { key: 'phone', column: 'phone_enc', title: '联系电话', kind: 'phone' },
      { key: 'active', column: 'active', title: '启用', kind: 'bool', default: true, filter: true },
    ],
    orderBy: 't.id',
    search: ['name', 'contact_name'],
    unique: [['name']],
    counts: [{ key: 'accountCount', title: '账号数', sql: used('accounts', 'unit_id') }],
    usage: [{ sql: used('accounts', 'unit_id'), message: (n) => `该单位有 ${n} 个账号，不能删除；可改为停用` }],
  },
  {
    key: 'organisation',
    path: '/api/org/organisations',
    table: 'organisations',
    label: '党派团体',
    read: 'org.read',
    manage: 'org.manage',
    fields: [
      { key: 'name', column: 'name', title: '名称', kind: 'text', required: true, maxLength: 100 },
      {
        key: 'kind',
        column: 'kind',
        title: '类型',
        kind: 'enum',
        required: true,
        values: { party: '民主党派', organisation: '人民团体' },
        filter: true,
      },
      { key: 'responsibleName', column: 'responsible_name', title: '负责人', kind: 'text', maxLength: 30 },
    ],
    orderBy: 't.kind, t.id',
    search: ['name', 'responsible_name'],
    unique: [['name']],
    counts: [{ key: 'accountCount', title: '账号数', sql: used('accounts', 'org_id') }],
    usage: [{ sql: used('accounts', 'org_id'), message: (n) => `该党派团体有 ${n} 个账号，不能删除` }],
  },
  {
    key: 'informant',
    path: '/api/org/informants',
    table: 'informants',
    label: '信息员',
    read: 'informant.manage',
    manage: 'informant.manage',
    fields: [
      { key: 'name', column: 'name', title: '姓名', kind: 'text', required: true, maxLength: 30 },
      { key: 'workUnit', column: 'work_unit', title: '工作单位', kind: 'text', maxLength: 100 },
      { key: 'area', column: 'area', title: '联系区域', kind: 'text', maxLength: 50 },
      { key: 'phone', column: 'phone_enc', title: '手机号', kind: 'phone' },
      {
        key: 'status',
        column: 'status',
        title: '状态',
        kind: 'enum',
        values: { active: '在册', suspended: '暂停', exited: '已退出' },
        default: 'active',
        filter: true,
      },
    ],
    orderBy: 't.id',
    search: ['name', 'work_unit', 'area'],
    counts: [{ key: 'accountCount', title: '账号数', sql: used('accounts', 'informant_id') }],
    usage: [
      { sql: used('accounts', 'informant_id'), message: (n) => `该信息员有 ${n} 个账号，不能删除；可改为已退出` },
    ],
  },
];

/** Every choice list of the committee's forms in one read: terms, plenary sessions, sectors, special committees,
 *  active handling units, groups and organisations, each in its display order. */
export async function referenceOptions(db: Db, c: number) {
  const [terms, sessions, sectors, specialCommittees, units, groups, organisations] = await Promise.all([
    query<{ id: number; number: number; name: string; isCurrent: boolean }>(
      db,
      sql`select id, number, name, is_current as "isCurrent" from terms where committee_id = ${c} order by number`,
    ),
    query<{ id: number; termId: number; number: number; name: string; year: number; isCurrent: boolean }>(
      db,
      sql`select id, term_id as "termId", number, name, year, is_current as "isCurrent" from plenary_sessions where committee_id = ${c} order by term_id, number`,
    ),
    query<{ id: number; name: string }>(
      db,
      sql`select id, name from sectors where committee_id = ${c} order by sort, id`,
    ),
    query<{ id: number; name: string }>(
      db,
      sql`select id, name from special_committees where committee_id = ${c} order by sort, id`,
    ),
    query<{ id: number; name: string }>(
      db,
      sql`select id, name from handling_units where committee_id = ${c} and active order by id`,
    ),
    query<{ id: number; name: string; kind: string }>(
      db,
      sql`select id, name, kind from member_groups where committee_id = ${c} order by kind, id`,
    ),
    query<{ id: number; name: string; kind: string }>(
      db,
      sql`select id, name, kind from organisations where committee_id = ${c} order by kind, id`,
    ),
  ]);
  return { terms, sessions, sectors, specialCommittees, units, groups, organisations };
}
