// The one rule for "similar items" look-ups while writing (proposals, opinion reports): whoever reads every item of the
// module sees every candidate; anyone else sees another person's item only once the office has taken it in (a proposal
// registered, a report accepted for compiling) — before that its title and state are private to the office and to
// the people who wrote it — and always their own.
import { type SQL, sql } from 'drizzle-orm';

export interface SimilarScope {
  /** The viewer reads every item of the module (its readAll permission). */
  readsAll: boolean;
  /** The item's state column. */
  state: SQL;
  /** States in which the office has taken the item in: shown to everyone who may look up similar items. */
  takenInStates: readonly string[];
  /** The viewer's own items (their authors, or those they may open anyway). */
  own: SQL;
}

/** A condition for the candidates' `where`: true for staff, else taken-in items and the viewer's own. */
export function similarScope(s: SimilarScope): SQL {
  if (s.readsAll) return sql`true`;
  return sql`(${s.state} = any(${sql.param([...s.takenInStates])}::text[]) or ${s.own})`;
}
