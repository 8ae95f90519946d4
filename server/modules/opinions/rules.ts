// Opinion-report rules shared by server and web (no server imports here): states, levels, submitter kinds, the
// settings defaults from DOMAIN.md and the character count used for the length limit.
import type { DayUnit } from '../../platform/dates.ts';

export const REPORT_STATES = {
  draft: '草稿',
  submitted: '待筛选',
  returned: '退回修改',
  declined: '不予编报',
  accepted: '拟编报',
  compiled: '已编报',
} as const;
export type ReportState = keyof typeof REPORT_STATES;

export const LEVELS = { county: '县级', city: '市级', province: '省级', national: '全国' } as const;
export type Level = keyof typeof LEVELS;
export const LEVEL_ORDER: Level[] = ['county', 'city', 'province', 'national'];
/** The short prefix a level gives a body's name: 省政府领导, 市领导. */
export const LEVEL_PREFIX: Record<Level, string> = { county: '县', city: '市', province: '省', national: '中央' };
/** Who adopts at a level, as the annual report says it: 被省政协采用. */
export const LEVEL_ADOPTER: Record<Level, string> = {
  county: '县政协',
  city: '市政协',
  province: '省政协',
  national: '全国政协',
};

export const LEADER_ORGANS = {
  party: '党委',
  government: '政府',
  congress: '人大',
  cppcc: '政协',
  other: '其他',
} as const;
export type LeaderOrgan = keyof typeof LEADER_ORGANS;

export const SUBMITTER_KINDS = {
  member: '委员',
  informant: '信息员',
  org: '党派团体',
  specialCommittee: '专门委员会',
  lower: '下级政协',
} as const;
export type SubmitterKind = keyof typeof SUBMITTER_KINDS;

export const FORWARD_TARGETS = {
  higher: '上级政协',
  party: '党委',
  government: '政府',
  other: '其他',
} as const;
export type ForwardTarget = keyof typeof FORWARD_TARGETS;

export const REFERRAL_STATES = {
  referred: '待办复',
  responded: '已办复待审核',
  approved: '已办复',
} as const;

export interface OpinionSettings {
  /** The longest text allowed, counted with countChars (default 1500). */
  maxChars: number;
  /** The longest title. */
  titleMax: number;
  categories: string[];
  /** Days a handling unit has to answer a referral. */
  referralDays: number;
  /** referralDays counted as calendar days or as working days of the committee's calendar. */
  dayUnit: DayUnit;
}

export const OPINION_SETTINGS_KEY = 'opinion';
export const DEFAULT_OPINION_SETTINGS: OpinionSettings = {
  maxChars: 1500,
  titleMax: 60,
  categories: ['经济发展', '社会民生', '教育科技', '医疗卫生', '生态环境', '城乡建设', '社会治理', '文化旅游', '其他'],
  referralDays: 30,
  dayUnit: 'days',
};

/** Characters as a reader counts them: every character except spaces and line breaks (a CJK character counts one). */
export function countChars(text: string): number {
  return Array.from(text.replace(/\s/g, '')).length;
}

/** The issue title of a bulletin: 《社情民意》2026年第3期. */
export function issueTitle(year: number, number: number): string {
  return `《社情民意》${year}年第${number}期`;
}
