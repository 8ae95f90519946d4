// Types of the online discussion pages (网络议政), from the server's schemas (type-only); the queries are in queries.ts.
import { discussionKeys } from './queries.ts';

export type { Statement } from '../../../../server/modules/consultations/discussion-schemas.ts';
export type { Comment } from '../../../../server/modules/consultations/discussion-statements.ts';

export interface Discussion {
  id: number;
  eventId: number | null;
  topic: string;
  background: string;
  audience: 'members' | 'named' | 'committee';
  audienceLabel: string;
  accountIds: number[];
  opensAt: string;
  closesAt: string;
  premoderated: boolean;
  anonymous: boolean;
  maxLength: number;
  status: 'upcoming' | 'open' | 'closed';
  outcomeId: number | null;
  statements?: number;
  participants?: number;
  can: { manage: boolean; takePart: boolean };
}

export interface MapView {
  computedAt: string | null;
  participants: number;
  clustered: number;
  k: number;
  points: { x: number; y: number; group: number; me: boolean; name: string | null }[];
  groups: {
    group: number;
    size: number;
    distinctive: { statementId: number; body: string; agreeIn: number; agreeOut: number }[];
  }[];
  consensus: { statementId: number; body: string; minAgree: number }[];
  divisive: { statementId: number; body: string; spread: number; shares: number[] }[];
}

export const STATUS_LABELS = { upcoming: '未开始', open: '进行中', closed: '已结束' } as const;
export const STATE_LABELS: Record<string, string> = {
  pending: '待审核',
  shown: '已显示',
  hidden: '已隐藏',
  merged: '已合并',
};

/**
 * Where a list of statements and their comments is read and written: a member's discussion (`/api/discussions/<id>`)
 * or an invited citizen's link (`/api/public/discussions/<token>`); the same routes below either base.
 */
export interface DiscussionSource {
  base: string;
  /** Query key prefix: the lists are cached under `[...key, 'statements', '']` and `[...key, 'comments']`. */
  key: readonly unknown[];
  takePart: boolean;
}
/** A member's source shares the cache (and the live stream's invalidations) of useStatements and useComments. */
export const memberSource = (d: Discussion): DiscussionSource => ({
  base: `/api/discussions/${d.id}`,
  key: discussionKeys.one(d.id),
  takePart: d.can.takePart,
});
