// Types and queries of the online discussion pages (网络议政), from the server's schemas (type-only).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../../api/client.ts';

export type { Statement } from '../../../../server/modules/consultations/discussion-schemas.ts';
export type { Comment } from '../../../../server/modules/consultations/discussion-statements.ts';

import type { Statement } from '../../../../server/modules/consultations/discussion-schemas.ts';
import type { Comment } from '../../../../server/modules/consultations/discussion-statements.ts';

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
export const keys = {
  one: (id: number) => ['discussion', id] as const,
  statements: (id: number) => ['discussion', id, 'statements'] as const,
  comments: (id: number) => ['discussion', id, 'comments'] as const,
  map: (id: number) => ['discussion', id, 'map'] as const,
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
  key: keys.one(d.id),
  takePart: d.can.takePart,
});

export const useDiscussion = (id: number) =>
  useQuery({ queryKey: keys.one(id), queryFn: () => api.get<Discussion>(`/api/discussions/${id}`) });
export const useStatements = (id: number, state = '') =>
  useQuery({
    queryKey: [...keys.statements(id), state],
    queryFn: () =>
      api.get<{ items: Statement[] }>(`/api/discussions/${id}/statements${state ? `?state=${state}` : ''}`),
  });
export const useComments = (id: number) =>
  useQuery({
    queryKey: keys.comments(id),
    queryFn: () => api.get<{ items: Comment[] }>(`/api/discussions/${id}/comments`),
  });

/** New statements, counts and a recomputed map arrive over server-sent events: the page re-reads what it shows. */
export function useLiveDiscussion(id: number) {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/discussions/${id}/stream`);
    source.addEventListener('changed', () => {
      qc.invalidateQueries({ queryKey: keys.statements(id) });
      qc.invalidateQueries({ queryKey: keys.comments(id) });
      qc.invalidateQueries({ queryKey: keys.map(id) });
    });
    return () => source.close();
  }, [id, qc]);
}
