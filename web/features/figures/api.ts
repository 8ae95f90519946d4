// The figures registry's shapes as the server sends them (server/platform/figures/routes.ts, report-routes.ts), and
// how the pages say numbers and periods. The registry's value, the committee reference, the dashboard and the levels
// are the server's own types (type-only imports, erased from the bundle; the routes add the levels' period).
export type { FigureValue } from '../../../server/platform/figures/compute.ts';
export type { CommitteeRef as Committee } from '../../../server/platform/figures/levels.ts';

import type { CommitteeRef, dashboard, levelFigures } from '../../../server/platform/figures/levels.ts';
import type { Period } from '../../../server/platform/figures/period.ts';

export type Dashboard = Awaited<ReturnType<typeof dashboard>> & {
  /** A handling unit's own figures (GET /api/figures/unit): the unit the session belongs to. */
  unit?: CommitteeRef;
};

export type Levels = Awaited<ReturnType<typeof levelFigures>> & { period: Omit<Period, 'year'> };

// The report builder's shapes (server/platform/figures/report-routes.ts declares them only as route schemas).
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
