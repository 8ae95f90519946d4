// Types and labels of 联系工作: the relationships and coverage are the server's own results (type-only imports of the
// service's functions, erased from the bundle), so the web has no copy to drift.
import type { coverage, listLinks } from '../../../server/modules/liaison/service.ts';

/** A relationship as the lists show it: who keeps it, with whom, how often, when it is due and whether overdue. */
export type Link = Awaited<ReturnType<typeof listLinks>>['items'][number];
/** A row of the coverage table: the relationships of an owner, special committee or sector, and how many kept in time. */
export type CoverageRow = Awaited<ReturnType<typeof coverage>>['items'][number];

/** The four schemes of liaison work, in Chinese. */
export const SCHEMES: Record<string, string> = {
  leaderMember: '领导联系委员',
  committeeSector: '专委会联系界别委员',
  partyNonParty: '党员委员联系党外委员',
  memberPublic: '委员联系群众（网格联络点）',
};
