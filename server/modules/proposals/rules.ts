// The proposal rules of a committee: per-committee, per-year settings (key 'proposal.rules') with the defaults of
// DOMAIN.md § Proposals. Code reads every limit, class, deadline and list from here, never from constants.

import { PgTransaction } from 'drizzle-orm/pg-core';
import { beijingYearOf, type DayUnit } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/client.ts';
import { getSetting, settingOrDefaults } from '../../platform/settings/settings.ts';

export interface OutcomeClass {
  code: string;
  label: string;
  /** Counts as "所提问题已解决或建议得到采纳" in the annual figures. */
  solved: boolean;
}

export interface AppraisalDimension {
  key: string;
  label: string;
  max: number;
}

export interface ProposalRules {
  titleMaxLength: number;
  categories: string[];
  outcomeClasses: OutcomeClass[];
  replyMonths: number;
  extensionMonths: number;
  returnRequestDays: number;
  ratingDays: number;
  /** How the day counts above are counted: calendar days, or working days of the committee's calendar (调休 included). */
  dayUnit: DayUnit;
  assistingViewDays: number;
  rehandleDays: number;
  maxRounds: number;
  remindDaysBefore: number[];
  rejectionGrounds: string[];
  keyShare: number;
  assignmentApproval: boolean;
  contactRequired: boolean;
  sessionWindowMonthsBefore: number;
  appraisalDimensions: AppraisalDimension[];
  appraisalGrades: { min: number; label: string }[];
}

export const RULES_KEY = 'proposal.rules';

export const DEFAULT_RULES: ProposalRules = {
  titleMaxLength: 50,
  categories: ['经济建设', '政治建设', '文化建设', '社会建设', '生态文明建设', '其他'],
  outcomeClasses: [
    { code: 'A', label: '已解决或采纳', solved: true },
    { code: 'B', label: '正在解决或列入计划', solved: false },
    { code: 'C', label: '留作参考', solved: false },
  ],
  replyMonths: 3,
  extensionMonths: 1,
  returnRequestDays: 10,
  ratingDays: 15,
  dayUnit: 'days',
  assistingViewDays: 30,
  rehandleDays: 30,
  maxRounds: 2,
  remindDaysBefore: [15, 3],
  rejectionGrounds: [
    '涉及国家秘密',
    '属于法律法规禁止的事项',
    '涉及党内组织和人事问题',
    '属于民主党派、人民团体内部事务',
    '属于正在进行诉讼、仲裁或纪检、监察的事项',
    '属于学术讨论',
    '属于个人或家庭事务',
    '宣传推介作品、产品',
    '对具体人员的检举、控告',
    '内容空泛、无具体建议',
  ],
  keyShare: 0.06,
  assignmentApproval: false,
  contactRequired: true,
  sessionWindowMonthsBefore: 3,
  appraisalDimensions: [
    { key: 'organisation', label: '组织领导', max: 20 },
    { key: 'mechanism', label: '工作机制', max: 20 },
    { key: 'contact', label: '沟通联系', max: 20 },
    { key: 'results', label: '办理成效', max: 25 },
    { key: 'replyQuality', label: '答复质量', max: 15 },
  ],
  appraisalGrades: [
    { min: 90, label: '优秀' },
    { min: 75, label: '良好' },
    { min: 60, label: '一般' },
    { min: 0, label: '差' },
  ],
};

// The rules read once per transaction (a submission asks for them in four places), kept with the transaction object
// and gone with it; outside a transaction every call reads afresh. saveRules forgets them when it writes.
const perTransaction = new WeakMap<object, Map<string, Promise<ProposalRules>>>();

/** The committee's proposal rules for a year (default: this Beijing year), with DEFAULT_RULES for what is not set. */
export function getRules(db: Db, committeeId: number, year = beijingYearOf()): Promise<ProposalRules> {
  const read = () => getSetting<ProposalRules>(db, committeeId, RULES_KEY, year, DEFAULT_RULES);
  if (!(db instanceof PgTransaction)) return read();
  const held = perTransaction.get(db) ?? new Map<string, Promise<ProposalRules>>();
  perTransaction.set(db, held);
  const key = `${committeeId}:${year}`;
  const rules = held.get(key) ?? read();
  held.set(key, rules);
  return rules;
}

/** Drops the rules held for this transaction (after it wrote them). */
export function forgetRules(tx: Db): void {
  perTransaction.delete(tx);
}

/** The rules from a stored value read with another query (null: none stored, the defaults). */
export const rulesOf = (value: Partial<ProposalRules> | null): ProposalRules =>
  settingOrDefaults(value as ProposalRules, DEFAULT_RULES);

export function classLabel(rules: ProposalRules, code: string | null | undefined): string {
  if (!code) return '';
  return rules.outcomeClasses.find((c) => c.code === code)?.label ?? code;
}

export function gradeOf(rules: ProposalRules, total: number): string {
  const sorted = [...rules.appraisalGrades].sort((a, b) => b.min - a.min);
  return sorted.find((g) => total >= g.min)?.label ?? sorted[sorted.length - 1].label;
}

/** The dates rules live in server/platform/dates.ts (Beijing days, months clamped to the month end). */
