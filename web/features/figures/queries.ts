// Query keys and hooks of 驾驶舱 and 统计报告: every key starts with 'figures' (figureKeys.all refreshes them all); the
// dashboard, the levels card, the report builder and the report pages share these queries.
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.ts';
import type { ComposedSection, Dashboard, FigureValue, Levels, ReportDetail, ReportSummary } from './api.ts';

export const figureKeys = {
  all: ['figures'] as const,
  dashboard: (params: object, unit?: boolean) => ['figures', unit ? 'unit' : 'dashboard', params] as const,
  levels: (period: string, ids: string[], committeeId?: number) =>
    ['figures', 'levels', period, ids, committeeId] as const,
  values: (period: string) => ['figures', 'values', period] as const,
  compose: (period: string) => ['figures', 'compose', period] as const,
  reports: ['figures', 'reports'] as const,
  report: (id: string | undefined) => ['figures', 'reports', id] as const,
};

/**
 * A leader's dashboard refreshes itself every minute on the meeting-room screen (大屏); once otherwise. `unit`: the
 * handling unit's own figures instead of the committee's.
 */
export function useDashboard(
  params: { year?: number; committeeId?: number },
  refetchInterval?: number,
  unit?: boolean,
) {
  return useQuery({
    queryKey: figureKeys.dashboard(params, unit),
    queryFn: () =>
      unit
        ? api.get<Dashboard>(`/api/figures/unit${qs({ year: params.year })}`)
        : api.get<Dashboard>(`/api/figures/dashboard${qs(params)}`),
    refetchInterval,
  });
}

export function useLevels(period: string, ids: string[], committeeId?: number, refetchInterval?: number) {
  return useQuery({
    queryKey: figureKeys.levels(period, ids, committeeId),
    queryFn: () => api.get<Levels>(`/api/figures/levels${qs({ period, ids: ids.join(','), committeeId })}`),
    enabled: ids.length > 0,
    refetchInterval,
  });
}

/** The figures with their names and definitions, for the report editor's tokens. */
export function useFigures(period: string) {
  return useQuery({
    queryKey: figureKeys.values(period),
    queryFn: () => api.get<{ items: FigureValue[] }>(`/api/figures${qs({ period })}`),
    enabled: !!period,
  });
}

/** The sections the platform can write for a period, each with its paragraph of figure tokens. */
export const useComposedSections = (period: string) =>
  useQuery({
    queryKey: figureKeys.compose(period),
    queryFn: () => api.get<{ sections: ComposedSection[] }>(`/api/figures/report/compose${qs({ period })}`),
  });

/** The reports this committee has exported, newest first. */
export const useReports = () =>
  useQuery({
    queryKey: figureKeys.reports,
    queryFn: () => api.get<{ items: ReportSummary[] }>('/api/figures/reports'),
  });

/** One exported report with the figures that changed since its export. */
export const useReport = (id: string | undefined) =>
  useQuery({ queryKey: figureKeys.report(id), queryFn: () => api.get<ReportDetail>(`/api/figures/reports/${id}`) });
