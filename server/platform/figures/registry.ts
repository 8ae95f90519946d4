// The one registry of figures: each module registers its figures (id, name, unit, definition, drill-down link) in
// groups that share one computation, so that the dashboard and the report builder ask every module the same way and a
// module's tables are read only by that module's own functions.
import type { Action } from '../auth/permissions.ts';
import type { Db } from '../db/client.ts';
import type { Period } from './period.ts';

export interface FigureDef {
  /** 'module.name', e.g. proposals.received — also the token {{proposals.received}} in reports. */
  id: string;
  name: string;
  unit: string;
  /** What is counted and what is not. */
  definition: string;
  /** The list behind the number, for the period. */
  link: (p: Period) => string;
}

export interface FigureGroup {
  module: string;
  moduleName: string;
  /** Who may see these figures (a city's leader sees its counties' with the same permission). */
  permission: Action;
  /** 'year': kept by calendar year (a proposal's 年度), computed only for a whole year; 'range': any days. */
  basis: 'year' | 'range';
  figures: FigureDef[];
  /** The report section's statistical paragraph, numbers as tokens: 「全年共收到提案{{proposals.received}}件…」. */
  sentence?: string;
  compute: (db: Db, committeeId: number, period: Period) => Promise<Record<string, number | null>>;
  /**
   * The dashboard's monthly trend: some of the group's figures for each Beijing month from `from` to `to` (days
   * 'YYYY-MM-DD'), in one query grouped by month (see `byMonth` in period.ts). Only groups that give it are in the
   * trend (computing every figure month by month took 12 passes over every module: 108 computations a dashboard).
   * A year-kept group counts its year's rows by a date of theirs, held within the months (heldMonthSql), so that the
   * months add up to the year's figure.
   */
  months?: (db: Db, committeeId: number, from: string, to: string) => Promise<MonthCounts>;
  /** What is overdue now (the dashboard's 「超期」), each with the list behind it. */
  overdue?: (db: Db, committeeId: number) => Promise<{ name: string; count: number; link: string }[]>;
  /** The same group seen by one handling unit (its home page): see UnitScope. */
  unit?: UnitScope;
}

/**
 * A group's figures for one handling unit: ids 'module.unit.name', computed for the unit the session names
 * (actor.unitId — never a unit id from the request), with the unit's own lists as links. The period's basis is the
 * group's; `overdue` lists what of this unit is overdue now.
 */
export interface UnitScope {
  figures: FigureDef[];
  compute: (db: Db, committeeId: number, unitId: number, period: Period) => Promise<Record<string, number | null>>;
  overdue?: (db: Db, committeeId: number, unitId: number) => Promise<{ name: string; count: number; link: string }[]>;
}

/** Figures by month: which figures, and their values keyed 'YYYY-MM' (a month without rows is absent: zero). */
export interface MonthCounts {
  figures: string[];
  months: Record<string, Record<string, number>>;
}

const groups = new Map<string, FigureGroup>();

export function registerFigureGroup(g: FigureGroup): void {
  for (const f of [...g.figures, ...(g.unit?.figures ?? [])]) {
    if (!f.id.startsWith(`${g.module}.`)) throw new Error(`figure ${f.id} is not named after its module ${g.module}`);
  }
  groups.set(g.module, g);
}

export const figureGroups = (): FigureGroup[] => [...groups.values()];

export function figureById(id: string): { group: FigureGroup; def: FigureDef } | undefined {
  for (const group of groups.values()) {
    const def = group.figures.find((f) => f.id === id);
    if (def) return { group, def };
  }
  return undefined;
}
