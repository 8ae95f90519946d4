// The member's record (履职档案) is assembled from sources each module registers: a function returning that module's
// timeline entries for one member and a range of Beijing days, written with the module's own queries in its own folder,
// so the record never reads another module's tables.
import type { Db } from '../../platform/db/client.ts';

export interface RecordEntry {
  /** Beijing day, YYYY-MM-DD. */
  date: string;
  /** The source's key (proposals, meetings, …), for the page's filter. */
  source: string;
  /** What happened, in Chinese (提交提案, 出席会议, …). */
  kind: string;
  title: string;
  /** Outcome or state, in Chinese, when there is one. */
  detail?: string;
  /** The page of the item in the web app. */
  link?: string;
}

export interface RecordSource {
  key: string;
  /** The section's name in the record (提案, 会议, …). */
  label: string;
  entries: (db: Db, committeeId: number, memberId: number, from: string, to: string) => Promise<RecordEntry[]>;
}

const sources = new Map<string, RecordSource>();

export function registerRecordSource(s: RecordSource): void {
  sources.set(s.key, s);
}

export const recordSources = (): RecordSource[] => [...sources.values()];
