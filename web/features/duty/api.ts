// Types of the duty API responses the pages read. The explanation's shapes are the server's own types (type-only
// import, erased from the bundle): one contract, no copy to drift.
import type { ConductRecord } from '../../../server/modules/duty/conduct.ts';
import type { Explanation, ExplainLine as Line } from '../../../server/modules/duty/scoring.ts';
import { beijingYear } from '../../app/format.ts';

export type { Explanation, Line };

export interface MemberPage {
  member: { id: number; name: string };
  explanation: Explanation;
  median: number | null;
  reminders: string[];
  commendations: { year: number; title: string; reason: string }[];
}
export const GRADE_COLOR: Record<string, string> = {
  excellent: '#237804',
  good: '#0958d9',
  competent: '#1d39c4',
  incompetent: '#cf1322',
};
export const thisYear = () => beijingYear();
export const yearOptions = () => {
  const y = thisYear();
  return [y + 1, y, y - 1, y - 2, y - 3].map((v) => ({ value: v, label: `${v} 年` }));
};

/** 正负面清单 (GET /api/duty/lists) and an occurrence recorded for a member (GET /api/duty/lists/records). */
export interface ConductItem {
  id: number;
  year: number;
  polarity: 'positive' | 'negative';
  title: string;
  evidenceRequired: string;
  points: number;
  retired: boolean;
  occurrences: number;
}
/** The server's own shape (type-only import). */
export type { ConductRecord };
export const POLARITY_LABEL = { positive: '正面清单', negative: '负面清单' } as const;
/** Signed points as a member reads them: +5 分 / −3 分. */
export const signedPoints = (i: { polarity: string; points: number }) =>
  i.polarity === 'negative' ? `扣 ${i.points} 分` : `加 ${i.points} 分`;
