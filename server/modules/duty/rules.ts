// Duty scoring rules as data: the fact kinds a rule may count, the three published styles of DOMAIN.md as ready sets,
// and the validation that names, in Chinese, the field that is wrong.
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

const ALL_ACTIVITIES = ACTIVITY_KINDS.map((k) => `activity.${k}`);

const SIX_ONES: RuleSet['checklist'] = [
  { key: 'research', label: '参加一次调研', kinds: ['activity.research'], min: 1 },
  { key: 'proposal', label: '提交一件提案', kinds: ['proposal.filed'], min: 1 },
  { key: 'opinion', label: '报送一篇社情民意信息', kinds: ['opinion.submitted'], min: 1 },
  { key: 'grassroots', label: '参加一次基层协商', kinds: ['activity.grassroots'], min: 1 },
  { key: 'goodDeed', label: '办一件实事', kinds: ['activity.goodDeed'], min: 1 },
  { key: 'introduction', label: '引进一个项目或人才', kinds: ['activity.introduction'], min: 1 },
];

/** The three published styles of DOMAIN.md § Duty assessment, ready to adopt and edit. */
export const PRESETS: Record<string, { title: string; description: string; rules: RuleSet }> = {
  hundred: {
    title: '百分制',
    description: '会议 50 分、提案 25 分、活动 10 分、社情民意 15 分，60 分合格',
    rules: {
      name: '百分制履职考核',
      base: 0,
      maxTotal: 100,
      passMark: 60,
      categories: [
        { key: 'meetings', name: '参加会议', cap: 50, floor: 0 },
        { key: 'proposals', name: '提交提案', cap: 25, floor: null },
        { key: 'activities', name: '参加活动', cap: 10, floor: null },
        { key: 'opinions', name: '社情民意', cap: 15, floor: null },
      ],
      items: [
        {
          category: 'meetings',
          label: '出席全体会议',
          kinds: ['meeting.present'],
          detail: { meetingKind: 'plenary' },
          points: 50,
        },
        {
          category: 'meetings',
          label: '全体会议请假',
          kinds: ['meeting.leave'],
          detail: { meetingKind: 'plenary' },
          points: 30,
        },
        {
          category: 'meetings',
          label: '全体会议缺席',
          kinds: ['meeting.absent'],
          detail: { meetingKind: 'plenary' },
          points: 0,
        },
        {
          category: 'meetings',
          label: '常委会议请假',
          kinds: ['meeting.leave'],
          detail: { meetingKind: 'standing' },
          points: -2,
        },
        {
          category: 'meetings',
          label: '常委会议缺席',
          kinds: ['meeting.absent'],
          detail: { meetingKind: 'standing' },
          points: -5,
        },
        {
          category: 'proposals',
          label: '提交联名提案（第一提案人减半）',
          kinds: ['proposal.filed'],
          roles: ['lead'],
          points: 5,
        },
        { category: 'proposals', label: '提交提案', kinds: ['proposal.filed'], roles: ['self'], points: 10 },
        {
          category: 'proposals',
          label: '联名提案立案（第一提案人减半）',
          kinds: ['proposal.registered'],
          roles: ['lead'],
          points: 7.5,
        },
        { category: 'proposals', label: '提案立案', kinds: ['proposal.registered'], roles: ['self'], points: 15 },
        { category: 'activities', label: '参加履职活动', kinds: ALL_ACTIVITIES, points: 2 },
        {
          category: 'activities',
          label: '书面发言',
          kinds: ['speech.delivered'],
          detail: { mode: 'written' },
          points: 5,
        },
        { category: 'opinions', label: '报送社情民意信息', kinds: ['opinion.submitted'], points: 10 },
        { category: 'opinions', label: '社情民意信息被采用', kinds: ['opinion.adopted'], points: 5 },
      ],
      grades: [
        { key: 'excellent', label: '优秀', min: 90 },
        { key: 'good', label: '良好', min: 75 },
        { key: 'competent', label: '称职', min: 60 },
        { key: 'incompetent', label: '不称职', min: -10000 },
      ],
      checklist: SIX_ONES,
    },
  },
  base120: {
    title: '120 分制（基础分 + 加分）',
    description: '基础分 70，加分最多 50；全体会议无故缺席扣 30 分、请假扣 10 分；85 分以上优秀',
    rules: {
      name: '120 分制履职考核',
      base: 70,
      maxTotal: 120,
      passMark: 60,
      categories: [
        { key: 'deductions', name: '扣分', cap: null, floor: null },
        { key: 'bonus', name: '加分', cap: 50, floor: null },
        { key: 'goodDeeds', name: '为群众办实事', cap: 10, floor: null },
      ],
      items: [
        {
          category: 'deductions',
          label: '全体会议无故缺席',
          kinds: ['meeting.absent'],
          detail: { meetingKind: 'plenary' },
          points: -30,
        },
        {
          category: 'deductions',
          label: '全体会议请假',
          kinds: ['meeting.leave'],
          detail: { meetingKind: 'plenary' },
          points: -10,
        },
        {
          category: 'bonus',
          label: '提案立案（第 1 件为基本要求）',
          kinds: ['proposal.registered'],
          points: 5,
          skipFirst: 1,
        },
        { category: 'bonus', label: '重点提案', kinds: ['proposal.key'], points: 5 },
        { category: 'bonus', label: '优秀提案', kinds: ['proposal.commended'], points: 10 },
        { category: 'goodDeeds', label: '为群众办实事', kinds: ['activity.goodDeed'], points: 2 },
      ],
      grades: [
        { key: 'excellent', label: '优秀', min: 85 },
        { key: 'competent', label: '称职', min: 60 },
        { key: 'incompetent', label: '不称职', min: -10000 },
      ],
      checklist: SIX_ONES,
    },
  },
  accumulate: {
    title: '累计积分制（不封顶）',
    description: '全体会议每半天 5 分，活动 5 分，培训 10 分，立案提案第一提案人 15 分、其他 3 分',
    rules: {
      name: '累计积分制',
      base: 0,
      maxTotal: null,
      passMark: 30,
      categories: [
        { key: 'meetings', name: '会议', cap: null, floor: null },
        { key: 'activities', name: '活动', cap: null, floor: null },
        { key: 'proposals', name: '提案', cap: null, floor: null },
      ],
      items: [
        {
          category: 'meetings',
          label: '出席全体会议（每半天）',
          kinds: ['meeting.present'],
          detail: { meetingKind: 'plenary' },
          points: 5,
          multiplyBy: 'halfDays',
        },
        { category: 'activities', label: '参加学习培训', kinds: ['activity.training'], points: 10 },
        {
          category: 'activities',
          label: '参加履职活动',
          kinds: ALL_ACTIVITIES.filter((k) => k !== 'activity.training'),
          points: 5,
        },
        {
          category: 'proposals',
          label: '提案立案（个人或第一提案人）',
          kinds: ['proposal.registered'],
          roles: ['self', 'lead'],
          points: 15,
        },
        {
          category: 'proposals',
          label: '提案立案（联名）',
          kinds: ['proposal.registered'],
          roles: ['cosigner'],
          points: 3,
        },
        {
          category: 'proposals',
          label: '重点提案（个人或第一提案人）',
          kinds: ['proposal.key'],
          roles: ['self', 'lead'],
          points: 15,
        },
        { category: 'proposals', label: '重点提案（联名）', kinds: ['proposal.key'], roles: ['cosigner'], points: 3 },
        {
          category: 'proposals',
          label: '优秀提案（个人或第一提案人）',
          kinds: ['proposal.commended'],
          roles: ['self', 'lead'],
          points: 10,
        },
        {
          category: 'proposals',
          label: '优秀提案（联名）',
          kinds: ['proposal.commended'],
          roles: ['cosigner'],
          points: 2,
        },
      ],
      grades: [
        { key: 'excellent', label: '优秀', min: 100 },
        { key: 'good', label: '良好', min: 60 },
        { key: 'competent', label: '称职', min: 30 },
        { key: 'incompetent', label: '不称职', min: -10000 },
      ],
      checklist: SIX_ONES,
    },
  },
};
