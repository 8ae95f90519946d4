// Query keys and hooks of 联系工作: every key starts with 'liaison', so a new relationship or a logged contact
// refreshes every list (liaisonKeys.all) and a new contact point its own list.
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.ts';
import type { CoverageRow, Link } from './api.ts';

export const liaisonKeys = {
  all: ['liaison'] as const,
  links: (scheme: string, overdue: string) => ['liaison', 'links', scheme, overdue] as const,
  coverage: (by: string) => ['liaison', 'coverage', by] as const,
  points: ['liaison', 'points'] as const,
  mine: ['liaison', 'mine'] as const,
};

/** Every relationship, overdue first; `scheme` '' for all, `overdue` '1' for overdue only. */
export const useLinks = (scheme: string, overdue: string) =>
  useQuery({
    queryKey: liaisonKeys.links(scheme, overdue),
    queryFn: () =>
      api.get<{ items: Link[]; total: number }>(
        `/api/liaison/links${qs({ scheme: scheme || undefined, overdue: overdue === '1' || undefined })}`,
      ),
  });

/** Coverage per owner, special committee or sector. */
export const useCoverage = (by: string) =>
  useQuery({
    queryKey: liaisonKeys.coverage(by),
    queryFn: () => api.get<{ items: CoverageRow[] }>(`/api/liaison/coverage?by=${by}`),
  });

/** The committee's contact points, while the dialog that picks one is open. */
export const usePoints = (enabled: boolean) =>
  useQuery({
    queryKey: liaisonKeys.points,
    enabled,
    queryFn: () => api.get<{ items: { id: number; name: string }[] }>('/api/liaison/points'),
  });

/** The relationships the signed-in member keeps or is kept in. */
export const useMyLinks = () =>
  useQuery({ queryKey: liaisonKeys.mine, queryFn: () => api.get<{ items: Link[] }>('/api/liaison/links?mine=true') });
