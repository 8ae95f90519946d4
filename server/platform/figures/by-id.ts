// A figure group's values from one record of counts named after its figures, for the groups' compute functions that
// each spelled out `'module.name': counts.name` for every figure.
// Usage: compute: async (db, c, p) => figuresById('reading', await readingFigures(db, c, p.year as number))
//   { groups: 3, notes: 12 } → { 'reading.groups': 3, 'reading.notes': 12 }

/**
 * Prefixes every key of `counts` whose value is a number (or null, "not known") with `module` and a dot; other values
 * (a year's sentence, say) are left out. A missing record (no row) gives {}: the registry reads an absent figure as 0.
 * Keys that name no figure of the group are carried along and ignored by the registry.
 */
export function figuresById(module: string, counts: object | null | undefined): Record<string, number | null> {
  return Object.fromEntries(
    Object.entries(counts ?? {})
      .filter(([, value]) => value === null || typeof value === 'number')
      .map(([key, value]) => [`${module}.${key}`, value]),
  );
}
