// Duty scoring rules as data: the fact kinds a rule may count and the validation that names, in Chinese, the field
// that is wrong. The ready sets of DOMAIN.md are in rule-presets.ts.
import { Type } from 'typebox';
import { badRequest } from '../../platform/errors.ts';

/** Every fact kind a rule item may count, with the words a member reads. */
export const FACT_KINDS: Record<string, string> = {
  'meeting.present': '出席会议',
  'meeting.leave': '会议请假',
  'meeting.absent': '会议缺席',
  'activity.research': '参加调研',
  'activity.inspection': '参加视察',
  'activity.studyVisit': '参加考察',
  'activity.supervision': '参加民主监督',
  'activity.studio': '委员工作室活动',
  'activity.grassroots': '参加基层协商',
  'activity.training': '参加学习培训',
  'activity.reading': '参加读书活动',
  'activity.goodDeed': '为群众办实事',
  'activity.introduction': '引进项目或人才',
  'activity.output': '活动成果经确认',
  'speech.submitted': '提交大会发言',
  'speech.selected': '大会发言被选用',
  'speech.delivered': '大会发言被采用',
  'proposal.filed': '提交提案',
  'proposal.registered': '提案立案',
  'proposal.key': '重点提案',
  'proposal.commended': '优秀提案',
  'opinion.submitted': '报送社情民意信息',
  'opinion.compiled': '社情民意信息编报',
  'opinion.adopted': '社情民意信息被采用',
  'opinion.instruction': '社情民意信息获批示',
  'learning.materialFinished': '学完学习资料',
  'learning.classAttended': '参加培训班学习',
  'learning.reflectionAccepted': '学习心得通过审核',
  'reading.sharingLed': '轮值领读分享',
  'reading.noteWritten': '撰写读书笔记',
  'reading.noteSelected': '读书笔记入选',
  'archive.submitted': '报送文史资料',
  'archive.accepted': '文史资料被采用',
  'archive.published': '文史资料刊发',
  'conduct.positive': '正面清单事项',
  'conduct.negative': '负面清单事项',
};

export const ACTIVITY_KINDS = [
  'research',
  'inspection',
  'studyVisit',
  'supervision',
  'studio',
  'grassroots',
  'training',
  'reading',
  'goodDeed',
  'introduction',
] as const;

export const ROLE_LABELS: Record<string, string> = { self: '个人', lead: '第一提案人/牵头人', cosigner: '联名/附议' };

/** Detail fields a rule item may require, with the values allowed and their Chinese names. */
export const DETAIL_FIELDS: Record<string, { label: string; values: Record<string, string> }> = {
  meetingKind: {
    label: '会议类型',
    values: {
      plenary: '全体会议',
      standing: '常委会议',
      chairsCouncil: '主席会议',
      specialCommittee: '专委会会议',
      sector: '界别会议',
    },
  },
  mode: { label: '发言方式', values: { oral: '口头发言', written: '书面发言' } },
  level: { label: '采用层级', values: { county: '县级', city: '市级', province: '省级', national: '全国' } },
  outputKind: { label: '成果类型', values: { report: '调研报告', suggestion: '意见建议', evidence: '履职佐证' } },
};

/** Fact detail fields that can multiply an item's points (e.g. 5 points per half day of a plenary). */
export const MULTIPLIERS: Record<string, string> = { halfDays: '按半天计' };

export const GRADE_KEYS = ['excellent', 'good', 'competent', 'incompetent'] as const;
export const GRADE_LABELS: Record<string, string> = {
  excellent: '优秀',
  good: '良好',
  competent: '称职',
  incompetent: '不称职',
};

const num = (title: string, min = -1000, max = 1000) => Type.Number({ title, minimum: min, maximum: max });
// type ['number', 'null'] rather than anyOf: AJV's type coercion then keeps both null and 0 as sent.
const nullableNum = (title: string, min = -1000, max = 1000) =>
  Type.Unsafe<number | null>({ type: ['number', 'null'], title, minimum: min, maximum: max });

export const RuleSetSchema = Type.Object({
  name: Type.String({ title: '规则名称', minLength: 1, maxLength: 50 }),
  base: num('基础分', 0, 1000),
  maxTotal: nullableNum('总分上限', 1, 10000),
  passMark: num('合格分', 0, 10000),
  categories: Type.Array(
    Type.Object({
      key: Type.String({ title: '类别代码', pattern: '^[a-zA-Z][a-zA-Z0-9]{0,29}$' }),
      name: Type.String({ title: '类别名称', minLength: 1, maxLength: 30 }),
      cap: nullableNum('类别上限', 0, 10000),
      floor: nullableNum('类别下限', -10000, 0),
    }),
    { title: '计分类别', minItems: 1, maxItems: 20 },
  ),
  items: Type.Array(
    Type.Object({
      category: Type.String({ title: '所属类别', minLength: 1, maxLength: 30 }),
      label: Type.String({ title: '计分项名称', minLength: 1, maxLength: 60 }),
      kinds: Type.Array(Type.String({ maxLength: 40 }), { title: '履职事项', minItems: 1, maxItems: 30 }),
      roles: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { title: '身份', maxItems: 3 })),
      detail: Type.Optional(Type.Record(Type.String({ maxLength: 30 }), Type.String({ maxLength: 30 }))),
      points: num('分值'),
      multiplyBy: Type.Optional(
        Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength: 30, title: '计量方式' }),
      ),
      skipFirst: Type.Optional(Type.Integer({ title: '前几项不计分', minimum: 0, maximum: 100 })),
    }),
    { title: '计分项', minItems: 1, maxItems: 100 },
  ),
  grades: Type.Array(
    Type.Object({
      key: Type.String({ title: '等次', maxLength: 20 }),
      label: Type.String({ title: '等次名称', minLength: 1, maxLength: 10 }),
      min: num('等次最低分', -10000, 10000),
    }),
    { title: '等次', minItems: 1, maxItems: 4 },
  ),
  checklist: Type.Array(
    Type.Object({
      key: Type.String({ title: '基本要求代码', pattern: '^[a-zA-Z][a-zA-Z0-9]{0,29}$' }),
      label: Type.String({ title: '基本要求名称', minLength: 1, maxLength: 30 }),
      kinds: Type.Array(Type.String({ maxLength: 40 }), { title: '基本要求事项', minItems: 1, maxItems: 30 }),
      min: Type.Integer({ title: '最少次数', minimum: 1, maximum: 50 }),
    }),
    { title: '年度基本要求', maxItems: 20 },
  ),
});

export interface RuleItem {
  category: string;
  label: string;
  kinds: string[];
  roles?: string[];
  detail?: Record<string, string>;
  points: number;
  multiplyBy?: string | null;
  skipFirst?: number;
}
export interface RuleSet {
  name: string;
  base: number;
  maxTotal: number | null;
  passMark: number;
  categories: { key: string; name: string; cap: number | null; floor: number | null }[];
  items: RuleItem[];
  grades: { key: string; label: string; min: number }[];
  checklist: { key: string; label: string; kinds: string[]; min: number }[];
}

/** Checks what the schema cannot: references between parts, known kinds and values, ordered thresholds. */
export function validateRuleSet(r: RuleSet): RuleSet {
  const bad = (msg: string, field: string) => badRequest('duty.rules_invalid', msg, field);
  const keys = new Set<string>();
  r.categories.forEach((c, i) => {
    if (keys.has(c.key)) throw bad(`第 ${i + 1} 个计分类别的代码「${c.key}」重复`, `categories.${i}.key`);
    keys.add(c.key);
    if (c.cap !== null && c.floor !== null && c.floor > c.cap)
      throw bad(`计分类别「${c.name}」的下限不能高于上限`, `categories.${i}.floor`);
  });
  r.items.forEach((it, i) => {
    const where = `第 ${i + 1} 个计分项「${it.label}」`;
    if (!keys.has(it.category)) throw bad(`${where}的所属类别「${it.category}」不存在`, `items.${i}.category`);
    for (const k of it.kinds) if (!FACT_KINDS[k]) throw bad(`${where}的履职事项「${k}」不存在`, `items.${i}.kinds`);
    for (const role of it.roles ?? [])
      if (!ROLE_LABELS[role]) throw bad(`${where}的身份「${role}」不存在`, `items.${i}.roles`);
    for (const [k, v] of Object.entries(it.detail ?? {})) {
      // A 正负面清单 item's rule names the list item by id (conduct.ts keeps these rule items in step with the lists).
      if (k === 'listItem' && /^[1-9][0-9]{0,9}$/.test(v)) continue;
      const f = DETAIL_FIELDS[k];
      if (!f) throw bad(`${where}的条件「${k}」不存在`, `items.${i}.detail`);
      if (!f.values[v]) throw bad(`${where}的${f.label}「${v}」不存在`, `items.${i}.detail`);
    }
    if (it.multiplyBy && !MULTIPLIERS[it.multiplyBy])
      throw bad(`${where}的计量方式「${it.multiplyBy}」不存在`, `items.${i}.multiplyBy`);
    if (it.multiplyBy && (it.skipFirst ?? 0) > 0)
      throw bad(`${where}不能同时按半天计分又设置前几项不计分`, `items.${i}.skipFirst`);
    if (!Number.isFinite(it.points) || Math.round(it.points * 100) !== it.points * 100)
      throw bad(`${where}的分值最多保留两位小数`, `items.${i}.points`);
  });
  const gradeKeys = new Set<string>();
  r.grades.forEach((g, i) => {
    if (!GRADE_KEYS.includes(g.key as any)) throw bad(`第 ${i + 1} 个等次「${g.key}」不存在`, `grades.${i}.key`);
    if (gradeKeys.has(g.key)) throw bad(`等次「${g.label}」重复`, `grades.${i}.key`);
    gradeKeys.add(g.key);
    if (i > 0 && g.min >= r.grades[i - 1].min)
      throw bad(`等次「${g.label}」的最低分应低于「${r.grades[i - 1].label}」`, `grades.${i}.min`);
  });
  if (r.maxTotal !== null && r.base > r.maxTotal) throw bad('「基础分」不能高于「总分上限」', 'base');
  if (r.maxTotal !== null && r.passMark > r.maxTotal) throw bad('「合格分」不能高于「总分上限」', 'passMark');
  const checklistKeys = new Set<string>();
  r.checklist.forEach((c, i) => {
    if (checklistKeys.has(c.key)) throw bad(`基本要求代码「${c.key}」重复`, `checklist.${i}.key`);
    checklistKeys.add(c.key);
    for (const k of c.kinds)
      if (!FACT_KINDS[k]) throw bad(`基本要求「${c.label}」的履职事项「${k}」不存在`, `checklist.${i}.kinds`);
  });
  return r;
}
