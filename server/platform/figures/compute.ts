// Computing registered figures for a committee and a period: only the groups asked for are computed, each once;
// a year-kept figure asked for a part of a year comes back null with the reason, never a wrong number.
import { can } from '../auth/permissions.ts';
import type { Db } from '../db/client.ts';
import type { Period } from './period.ts';
import { type FigureGroup, figureGroups } from './registry.ts';

export interface FigureValue {
  id: string;
  module: string;
  moduleName: string;
  name: string;
  unit: string;
  definition: string;
  basis: 'year' | 'range';
  value: number | null;
  /** Why there is no value (a year-kept figure for part of a year). */
  note: string | null;
  link: string;
}

export const YEAR_ONLY_NOTE = '该项按年度统计，请选择整年';

/** The groups a viewer may see, narrowed to the ids asked for (all when none). */
export function visibleGroups(roles: readonly string[], ids?: string[]): FigureGroup[] {
  return figureGroups()
    .filter((g) => can(roles, g.permission))
    .filter((g) => !ids?.length || g.figures.some((f) => ids.includes(f.id)));
}

/**
 * The groups as one handling unit sees them: each group with a unit scope, its figures and overdue narrowed to the
 * unit (no monthly trend, no report sentence). The caller passes the session's unit.
 */
export function unitGroups(unitId: number): FigureGroup[] {
  return figureGroups()
    .filter((g) => g.unit)
    .map((g) => {
      const u = g.unit!;
      return {
        module: g.module,
        moduleName: g.moduleName,
        permission: 'figures.unit',
        basis: g.basis,
        figures: u.figures,
        compute: (db, committeeId, period) => u.compute(db, committeeId, unitId, period),
        overdue: u.overdue && ((db, committeeId) => u.overdue!(db, committeeId, unitId)),
      } satisfies FigureGroup;
    });
}

export async function computeFigures(
  db: Db,
  committeeId: number,
  period: Period,
  groups: FigureGroup[],
  ids?: string[],
): Promise<FigureValue[]> {
  const results = await Promise.all(
    groups.map(async (g) => {
      const yearOnly = g.basis === 'year' && period.year === null;
      const values = yearOnly ? {} : await g.compute(db, committeeId, period);
      return g.figures
        .filter((f) => !ids?.length || ids.includes(f.id))
        .map(
          (f): FigureValue => ({
            id: f.id,
            module: g.module,
            moduleName: g.moduleName,
            name: f.name,
            unit: f.unit,
            definition: f.definition,
            basis: g.basis,
            value: yearOnly ? null : (values[f.id] ?? 0),
            note: yearOnly ? YEAR_ONLY_NOTE : null,
            link: f.link(period),
          }),
        );
    }),
  );
  return results.flat();
}
