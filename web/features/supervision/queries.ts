// Query keys and hooks of 随手拍: every key starts with 'supervision', so an action on an item can refresh its page and
// every list at once (supervisionKeys.all), and a list or the settings their own prefix.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ReportDetail } from './api.ts';

export const supervisionKeys = {
  all: ['supervision'] as const,
  /** A list as staff, the unit or the member see it (scope), with its filters and page. */
  list: (scope: string, filters: object, page: number, pageSize: number) =>
    ['supervision', scope, filters, page, pageSize] as const,
  detail: (id: number) => ['supervision', 'item', id] as const,
  similar: (id: number) => ['supervision', 'similar', id] as const,
  settings: ['supervision', 'settings'] as const,
  settingsOf: (year: number) => ['supervision', 'settings', year] as const,
};

/** One 随手拍 with its files, the actions the engine allows this viewer and its history (403/404 as ApiError). */
export const useReport = (id: number) =>
  useQuery({
    queryKey: supervisionKeys.detail(id),
    queryFn: () => api.get<ReportDetail>(`/api/supervision/reports/${id}`),
  });
