// Search vectors of opinion reports carry one extra lexeme naming the committee ('cm_<id>', which the text parser
// can never produce: it splits on '_'), and every search ANDs it into the query. The GIN index then intersects the
// committee's postings with the words' postings, so a search touches only matching rows of that committee instead of
// every committee's matches (one million rows over 200 committees: see bench/opinions.ts).
import { type SQL, sql } from 'drizzle-orm';
import { similarityQueryText, toSearchVector, userSearchQuery } from '../../platform/search/search.ts';

const lexeme = (committeeId: number) => `cm_${committeeId}`;

/** The search vector of a report of this committee. */
export function reportSearch(committeeId: number, ...texts: (string | null | undefined)[]): SQL {
  return sql`(${toSearchVector(...texts)} || ${lexeme(committeeId)}::tsvector)`;
}

/** `column @@ query` for a user's search text within one committee; null when empty, a 400 when unsearchable. */
export function reportMatch(column: SQL, committeeId: number, q: string | undefined | null): SQL | null {
  const qt = userSearchQuery(q);
  if (!qt) return null;
  return sql`${column} @@ (${lexeme(committeeId)}::tsquery && to_tsquery('simple', ${qt}))`;
}

/** The OR-query of a text's keywords within one committee (for similar reports), or null. */
export function reportSimilarQuery(committeeId: number, text: string): SQL | null {
  const qt = similarityQueryText(text);
  if (!qt) return null;
  return sql`(${lexeme(committeeId)}::tsquery && to_tsquery('simple', ${qt}))`;
}
