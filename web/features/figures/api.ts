// The figures registry's shapes as the server sends them (server/platform/figures/routes.ts, report-routes.ts), and
// the queries of the dashboard, levels and report pages.
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.ts';

export interface FigureValue {
  id: string;
  module: string;
  moduleName: string;
  name: string;
  unit: string;
  definition: string;
  basis: string;
  value: number | null;
  note: string | null;
  link: string;
}

export interface Committee {
  id: number;
  name: string;
}

export interface Dashboard {
  committee: Committee;
  /** A handling unit's own figures (GET /api/figures/unit): the unit the session belongs to. */
  unit?: Committee;
  year: number;
  period: { from: string; to: string };
  items: (FigureValue & { lastYear: number | null; change: number | null; comparedWith: string })[];
  overdue: { name: string; count: number; link: string }[];
  trend: { month: string; label: string; values: Record<string, number> }[];
}

export interface Levels {
  period: { from: string; to: string; key: string; label: string };
  committee: Committee;
  own: FigureValue[];
  lower: { committee: Committee; items: FigureValue[] }[];
  sum: { id: string; value: number | null }[];
}

export interface ComposedSection {
  module: string;
  heading: string;
  text: string;
  filled: string;
}

export interface ReportSummary {
  id: number;
  title: string;
  period: string;
  exportedAt: string;
}

export interface ReportDetail extends ReportSummary {
  body: string;
  text: string;
  differences: { id: string; name: string; unit: string; exported: number; now: number | null }[];
}

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
    queryKey: ['figures', unit ? 'unit' : 'dashboard', params],
    queryFn: () =>
      unit
        ? api.get<Dashboard>(`/api/figures/unit${qs({ year: params.year })}`)
        : api.get<Dashboard>(`/api/figures/dashboard${qs(params)}`),
    refetchInterval,
  });
}

export function useLevels(period: string, ids: string[], committeeId?: number, refetchInterval?: number) {
  return useQuery({
    queryKey: ['figures', 'levels', period, ids, committeeId],
    queryFn: () => api.get<Levels>(`/api/figures/levels${qs({ period, ids: ids.join(','), committeeId })}`),
    enabled: ids.length > 0,
    refetchInterval,
  });
}

/** The figures with their names and definitions, for the report editor's tokens. */
export function useFigures(period: string) {
  return useQuery({
    queryKey: ['figures', 'values', period],
    queryFn: () => api.get<{ items: FigureValue[] }>(`/api/figures${qs({ period })}`),
    enabled: !!period,
  });
}

/** 1,234 — numbers as elsewhere in the web (antd Statistic's grouping); 「—」 when there is no value. */
export const formatNumber = (v: number | null | undefined) => (v == null ? '—' : v.toLocaleString('zh-CN'));

/** 「2026」「2026-H1」「2026-Q3」「2026-05」 said in Chinese, for lists of reports. */
export function periodLabel(key: string): string {
  let m = /^(\d{4})$/.exec(key);
  if (m) return `${m[1]}年`;
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) return `${m[1]}年${m[2] === '1' ? '上' : '下'}半年`;
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return `${m[1]}年第${'一二三四'[Number(m[2]) - 1]}季度`;
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (m) return `${m[1]}至${m[2]}`;
  return key;
}
