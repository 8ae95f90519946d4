// Chinese full-text search that works the same on PGlite and PostgreSQL: the app normalises text (NFKC, invisible
// characters out), segments it (jieba search mode plus CJK unigrams and bigrams) and stores it in a `simple` tsvector; a
// query must contain every bigram of each CJK run (the character itself for a one-character run), so any word is found
// whether or not jieba cut it out, and 「５Ｇ」 finds 5G. Changing what is indexed means raising SEARCH_INDEX_VERSION
// (reindex.ts rebuilds old rows on start).
import fs from 'node:fs';
import { Jieba, TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict.js';
import { type SQL, sql } from 'drizzle-orm';
import { badRequest } from '../errors.ts';
import { normaliseText } from '../text/normalise.ts';

// Loading the dictionaries takes a few hundred milliseconds: done on first use, not at start-up.
let loaded: { jieba: Jieba; tfidf: TfIdf } | null = null;
function segmenter() {
  if (!loaded) {
    const jieba = Jieba.withDict(dict);
    jieba.loadDict(fs.readFileSync(new URL('./domain-words.txt', import.meta.url)));
    loaded = { jieba, tfidf: TfIdf.withDict(idf) };
  }
  return loaded;
}
// Stock phrases of official writing (data: stock-phrases.txt), longest first so that 「加强和改进」 goes before 「加强」.
let stock: { set: Set<string>; pattern: RegExp } | null = null;
function stockPhrases() {
  if (!stock) {
    const phrases = fs
      .readFileSync(new URL('./stock-phrases.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .sort((x, y) => y.length - x.length);
    stock = { set: new Set(phrases), pattern: new RegExp(phrases.join('|'), 'g') };
  }
  return stock;
}

/** A text without its stock phrases (each replaced by a break, so no bigram spans the gap). */
export function subjectText(text: string): string {
  return prepare(text).replace(stockPhrases().pattern, ' ');
}

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const WORD = /[a-z0-9]+/g;

/** What is indexed and how; rows indexed under an older version are rebuilt on start (reindex.ts). */
export const SEARCH_INDEX_VERSION = 2;

// Searching may fold more than storing: NFKC also makes 「①」 1 and compatibility ideographs ordinary ones.
const prepare = (s: string) => normaliseText(s).normalize('NFKC').toLowerCase();

function bigrams(run: string): string[] {
  if (run.length === 1) return [run];
  const out: string[] = [];
  for (let i = 0; i < run.length - 1; i++) out.push(run.slice(i, i + 2));
  return out;
}

/** The tokens to index for a text, space-separated, for `to_tsvector('simple', …)`. */
export function searchTokens(...texts: (string | null | undefined)[]): string {
  const text = prepare(texts.filter(Boolean).join(' '));
  const tokens = new Set<string>();
  for (const w of segmenter().jieba.cutForSearch(text, true)) {
    const t = w.trim();
    if (t && (/[\u3400-\u9fff]/.test(t) ? t.length >= 2 : /^[a-z0-9]+$/.test(t))) tokens.add(t);
  }
  // Unigrams make a one-character query (「水」) findable; they cost about as many lexemes again as the bigrams.
  for (const run of text.match(CJK_RUN) ?? []) {
    for (const ch of run) tokens.add(ch);
    for (const b of bigrams(run)) tokens.add(b);
  }
  for (const w of text.match(WORD) ?? []) tokens.add(w);
  return [...tokens].join(' ');
}

/** SQL for the tsvector of some texts. */
export function toSearchVector(...texts: (string | null | undefined)[]): SQL {
  return sql`to_tsvector('simple', ${searchTokens(...texts)})`;
}

const quote = (t: string) => `'${t.replace(/'/g, "''").replace(/\\/g, '')}'`;

/** A tsquery string requiring every bigram of the query's CJK runs and every latin word; null when nothing is searchable. */
export function searchQueryText(q: string): string | null {
  const text = prepare(q);
  const parts = new Set<string>();
  for (const run of text.match(CJK_RUN) ?? []) for (const b of bigrams(run)) parts.add(b);
  for (const w of text.match(WORD) ?? []) parts.add(w);
  if (!parts.size) return null;
  return [...parts].map(quote).join(' & ');
}

/**
 * The tsquery for a user's search text: null when the text is empty (no filter), a 400 when it holds something but
 * nothing searchable (「？？」, a lone symbol) — dropping the filter would answer with every item.
 */
export function userSearchQuery(q: string | undefined | null, field = 'q'): string | null {
  if (!q || !normaliseText(q)) return null;
  const qt = searchQueryText(q);
  if (!qt) throw badRequest('search.no_terms', '搜索词中没有可查找的文字，请输入至少一个汉字、字母或数字', field);
  return qt;
}

/** A condition `column @@ query` for a user's search text; null when the text is empty; a 400 when unsearchable. */
export function matchSearch(column: SQL, q: string | undefined | null): SQL | null {
  const qt = userSearchQuery(q);
  if (!qt) return null;
  return sql`${column} @@ to_tsquery('simple', ${qt})`;
}

/** The most characteristic words of a text (TF-IDF), used for similarity lookups. */
export function keywords(text: string, n = 12): string[] {
  const { jieba, tfidf } = segmenter();
  const { set } = stockPhrases();
  return tfidf
    .extractKeywords(jieba, prepare(text), n + 20)
    .map((k) => k.keyword)
    .filter((k) => k.length >= 2 && !set.has(k))
    .slice(0, n);
}

/** An OR-tsquery of a text's keywords: finds candidates that share any characteristic word. */
export function similarityQueryText(text: string, n = 12): string | null {
  const words = keywords(text, n).flatMap((w) => (/[\u3400-\u9fff]/.test(w) && w.length > 2 ? bigrams(w) : [w]));
  // The keyword extractor knows only its dictionary's words (「托育」 is not one): the subject's own bigrams count too.
  const subject = subjectText(text.slice(0, 400));
  const grams = [...(subject.match(CJK_RUN) ?? []).flatMap(bigrams), ...(subject.match(WORD) ?? [])].slice(0, 2 * n);
  const uniq = [...new Set([...words, ...grams].map((w) => w.toLowerCase()))];
  return uniq.length ? uniq.map(quote).join(' | ') : null;
}

/**
 * Dice similarity of two texts' bigram sets once stock phrases are out, 0–1: a score users can read as a percentage.
 * Two titles alike only in 「关于进一步加强和改进……工作的建议」 share nothing; measured on similarity-pairs.json.
 */
export function textSimilarity(a: string, b: string): number {
  const grams = (s: string) => {
    const t = subjectText(s);
    return new Set([...(t.match(CJK_RUN) ?? []).flatMap(bigrams), ...(t.match(WORD) ?? [])]);
  };
  const A = grams(a);
  const B = grams(b);
  if (!A.size || !B.size) return 0;
  let common = 0;
  for (const g of A) if (B.has(g)) common++;
  return (2 * common) / (A.size + B.size);
}
