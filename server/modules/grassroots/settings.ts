// The grassroots rules a committee sets (DOMAIN.md: every number a default the committee can change): feedback deadlines
// of agreed items and forwarded suggestions, and the one-time code and rate limits of the public side.

import { beijingYearOf } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/client.ts';
import { getSetting } from '../../platform/settings/settings.ts';
import { registerEventKind } from '../consultations/process-settings.ts';

export interface GrassrootsSettings {
  /** Working days a handling unit has to feed back on an agreed item (议定事项). */
  itemFeedbackWorkingDays: number;
  /** Working days a handling unit has to answer a forwarded micro suggestion. */
  suggestionWorkingDays: number;
  /** Minutes a one-time code stays valid, and wrong tries before it is spent. */
  codeMinutes: number;
  codeMaxAttempts: number;
  /** Codes sent per phone and per address in an hour; submissions per phone in a Beijing day. */
  codesPerPhonePerHour: number;
  codesPerAddressPerHour: number;
  submissionsPerPhonePerDay: number;
}

export const GRASSROOTS_SETTINGS_KEY = 'grassroots.settings';

export const DEFAULT_GRASSROOTS_SETTINGS: GrassrootsSettings = {
  itemFeedbackWorkingDays: 15,
  suggestionWorkingDays: 10,
  codeMinutes: 10,
  codeMaxAttempts: 5,
  codesPerPhonePerHour: 3,
  codesPerAddressPerHour: 10,
  submissionsPerPhonePerDay: 5,
};

export function grassrootsSettings(db: Db, committeeId: number, year = beijingYearOf()): Promise<GrassrootsSettings> {
  return getSetting(db, committeeId, GRASSROOTS_SETTINGS_KEY, year, DEFAULT_GRASSROOTS_SETTINGS);
}

/** The consultation event kind of a room session; its events are counted in this module's figures. */
export const ROOM_EVENT_KIND = 'grassroots';
registerEventKind({
  key: ROOM_EVENT_KIND,
  label: '基层协商（协商议事室）',
  category: 'consultation',
  ownFigures: true,
});

export const STUDIO_KINDS: Record<string, string> = {
  township: '镇街委员工作室',
  park: '园区委员工作室',
  sector: '界别委员工作室',
  personal: '个人委员工作室',
};
export const TOPIC_SOURCES: Record<string, string> = {
  member: '委员提出',
  township: '镇街提出',
  resident: '群众提出（码上议）',
  hotline: '12345热线',
};
export const TOPIC_STATES: Record<string, string> = {
  raised: '待受理',
  accepted: '已受理',
  declined: '不予受理',
  scheduled: '已安排协商',
  concluded: '已协商',
};
export const ITEM_STATES: Record<string, string> = { assigned: '办理中', fedBack: '已反馈', resolved: '已办结' };
export const SUGGESTION_STATES: Record<string, string> = {
  submitted: '待处理',
  answered: '已答复',
  forwarded: '已转办',
  fedBack: '单位已反馈',
  drafted: '已转为提案草稿',
};
export const SESSION_FORMS: Record<string, string> = { offline: '线下', online: '线上', both: '线上线下结合' };
