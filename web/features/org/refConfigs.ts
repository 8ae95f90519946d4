// What each reference list of 组织管理 holds (届次, 会议, 界别, 专委会, 小组, 承办单位, 党派团体, 信息员): its route, fields
// and counts; RefTable draws any of them.

import { choices } from '../../components/choices.ts';
import type { Reference } from './api.ts';

export interface RefField {
  key: string;
  title: string;
  kind: 'text' | 'int' | 'date' | 'bool' | 'enum' | 'phone' | 'ref';
  required?: boolean;
  max?: number;
  min?: number;
  options?: { value: string; label: string }[];
  refOptions?: (ref: Reference) => { value: number; label: string }[];
  /** Offered as a filter above the table. */
  filter?: boolean;
  placeholder?: string;
}

export interface RefConfig {
  key: string;
  path: string;
  label: string;
  fields: RefField[];
  counts?: { key: string; title: string }[];
  searchPlaceholder: string;
  defaults?: Record<string, unknown>;
}

/** The 类型 field of a list, offered as a filter: a choice among `options` (value → label). */
const kindField = (title: string, options: Record<string, string>, required?: boolean): RefField => ({
  key: 'kind',
  title,
  kind: 'enum',
  ...(required ? { required } : {}),
  filter: true,
  options: choices(options),
});

/** A list of names in a set order with the number of members in each (界别, 专委会). */
const sortedNames = (key: string, path: string, label: string): RefConfig => ({
  key,
  path,
  label,
  searchPlaceholder: `${label}名称`,
  fields: [
    { key: 'name', title: '名称', kind: 'text', required: true, max: 50 },
    { key: 'sort', title: '排序', kind: 'int', max: 9999 },
  ],
  counts: [{ key: 'memberCount', title: '委员人数' }],
});

export const REF_CONFIGS: Record<string, RefConfig> = {
  terms: {
    key: 'terms',
    path: '/api/org/terms',
    label: '届次',
    searchPlaceholder: '届次名称',
    fields: [
      { key: 'number', title: '届数', kind: 'int', required: true, min: 1, max: 99 },
      { key: 'name', title: '名称', kind: 'text', required: true, max: 30, placeholder: '例如 第六届' },
      { key: 'startDate', title: '开始日期', kind: 'date' },
      { key: 'endDate', title: '结束日期', kind: 'date' },
      { key: 'isCurrent', title: '本届', kind: 'bool' },
    ],
    counts: [
      { key: 'memberCount', title: '委员人数' },
      { key: 'sessionCount', title: '会议次数' },
    ],
  },
  sessions: {
    key: 'sessions',
    path: '/api/org/sessions',
    label: '会议',
    searchPlaceholder: '会议名称',
    fields: [
      {
        key: 'termId',
        title: '届次',
        kind: 'ref',
        required: true,
        filter: true,
        refOptions: (r) => r.terms.map((t) => ({ value: t.id, label: t.name })),
      },
      { key: 'number', title: '次数', kind: 'int', required: true, min: 1, max: 20 },
      { key: 'name', title: '名称', kind: 'text', required: true, max: 30, placeholder: '例如 六届二次会议' },
      { key: 'year', title: '年度', kind: 'int', required: true, min: 1949, max: 2100 },
      { key: 'opensOn', title: '开幕日期', kind: 'date' },
      { key: 'filingDeadline', title: '提案截止日期', kind: 'date' },
      { key: 'isCurrent', title: '本次会议', kind: 'bool' },
    ],
  },
  sectors: sortedNames('sectors', '/api/org/sectors', '界别'),
  specialCommittees: sortedNames('specialCommittees', '/api/org/special-committees', '专委会'),
  groups: {
    key: 'groups',
    path: '/api/org/groups',
    label: '小组',
    searchPlaceholder: '小组名称',
    defaults: { kind: 'study' },
    fields: [
      kindField('类型', { study: '学习组', work: '工作组' }, true),
      { key: 'name', title: '名称', kind: 'text', required: true, max: 50 },
    ],
    counts: [{ key: 'memberCount', title: '委员人数' }],
  },
  units: {
    key: 'units',
    path: '/api/org/units',
    label: '承办单位',
    searchPlaceholder: '单位名称或联系人',
    defaults: { kind: 'government', active: true },
    fields: [
      { key: 'name', title: '单位名称', kind: 'text', required: true, max: 100 },
      kindField('单位类型', {
        government: '政府部门',
        court: '法检机关',
        enterprise: '企事业单位',
        organisation: '群团组织',
        other: '其他',
      }),
      { key: 'contactName', title: '联系人', kind: 'text', max: 30 },
      { key: 'phone', title: '联系电话', kind: 'phone' },
      { key: 'active', title: '启用', kind: 'bool', filter: true },
    ],
    counts: [{ key: 'accountCount', title: '账号数' }],
  },
  organisations: {
    key: 'organisations',
    path: '/api/org/organisations',
    label: '党派团体',
    searchPlaceholder: '名称或负责人',
    defaults: { kind: 'party' },
    fields: [
      { key: 'name', title: '名称', kind: 'text', required: true, max: 100 },
      kindField('类型', { party: '民主党派', organisation: '人民团体' }, true),
      { key: 'responsibleName', title: '负责人', kind: 'text', max: 30 },
    ],
    counts: [{ key: 'accountCount', title: '账号数' }],
  },
  informants: {
    key: 'informants',
    path: '/api/org/informants',
    label: '信息员',
    searchPlaceholder: '姓名、单位或区域',
    defaults: { status: 'active' },
    fields: [
      { key: 'name', title: '姓名', kind: 'text', required: true, max: 30 },
      { key: 'workUnit', title: '工作单位', kind: 'text', max: 100 },
      { key: 'area', title: '联系区域', kind: 'text', max: 50 },
      { key: 'phone', title: '手机号', kind: 'phone' },
      {
        key: 'status',
        title: '状态',
        kind: 'enum',
        filter: true,
        options: [
          { value: 'active', label: '在册' },
          { value: 'suspended', label: '暂停' },
          { value: 'exited', label: '已退出' },
        ],
      },
    ],
    counts: [{ key: 'accountCount', title: '账号数' }],
  },
};
