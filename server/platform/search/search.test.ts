import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testAppForFile } from '../../test/harness.ts';
import { query } from '../db/client.ts';
import { matchSearch, searchQueryText, searchTokens, textSimilarity, toSearchVector } from './search.ts';

const t = testAppForFile();
const docs = [
  '关于加快发展社区养老服务体系的建议',
  '关于推进义务教育优质均衡发展的建议',
  '关于完善有事好商量协商议事机制的建议',
  '关于加强农村饮水安全工程建设的提案',
];
beforeAll(async () => {
  await t.database.db.execute(sql`create table search_docs (id int primary key, body text, search tsvector)`);
  for (const [i, d] of docs.entries()) {
    await t.database.db.execute(sql`insert into search_docs values (${i + 1}, ${d}, ${toSearchVector(d)})`);
  }
});

const find = async (q: string) =>
  (
    await query<{ id: number }>(
      t.database.db,
      sql`select id from search_docs where ${matchSearch(sql`search`, q)} order by id`,
    )
  ).map((r) => r.id);

describe('Chinese search', () => {
  it('finds two-character and four-character words, and domain words from the custom dictionary', async () => {
    expect(await find('养老')).toEqual([1]);
    expect(await find('教育')).toEqual([2]);
    expect(await find('养老服务')).toEqual([1]);
    expect(await find('有事好商量')).toEqual([3]);
    expect(await find('饮水 安全')).toEqual([4]);
    expect(await find('建议')).toEqual([1, 2, 3]);
    expect(await find('养老教育')).toEqual([]);
  });

  it('segments with jieba (search mode) plus bigrams', () => {
    const tokens = searchTokens('有事好商量').split(' ');
    expect(tokens).toContain('有事好商量');
    expect(tokens).toContain('商量');
    expect(searchQueryText('  ')).toBeNull();
  });

  it('scores similar texts higher than unrelated ones', () => {
    const a = textSimilarity('关于加快发展社区养老服务的建议', docs[0]);
    const b = textSimilarity('关于加快发展社区养老服务的建议', docs[3]);
    expect(a).toBeGreaterThan(0.6);
    expect(b).toBeLessThan(0.3);
  });
});

describe('similarity ignores the stock phrases of official writing', () => {
  const WARN = 60; // the proposal form shows a score from 60 in red
  const pairs = JSON.parse(fs.readFileSync(new URL('./similarity-pairs.json', import.meta.url), 'utf8')) as {
    related: [string, string][];
    unrelated: [string, string][];
  };
  const score = (a: string, b: string) => Math.round(100 * textSimilarity(a, b));

  it('keeps 「加强和改进……工作的建议」 from making two subjects alike', () => {
    const school = '关于进一步加强和改进中小学课后服务工作的建议';
    const elderly = '关于进一步加强和改进社区养老服务工作的建议';
    const meals = '关于发展社区老年助餐的建议';
    expect(score(school, elderly)).toBeLessThan(WARN);
    expect(score(meals, elderly)).toBeGreaterThan(score(school, elderly));
    expect(score(meals, school)).toBeLessThan(score(meals, elderly));
  });

  it('warns on the same subject and not on different ones (labelled set, at the warning level)', () => {
    expect(pairs.related.length + pairs.unrelated.length).toBeGreaterThanOrEqual(20);
    const tp = pairs.related.filter(([a, b]) => score(a, b) >= WARN).length;
    const fp = pairs.unrelated.filter(([a, b]) => score(a, b) >= WARN).length;
    const precision = tp / (tp + fp);
    const recall = tp / pairs.related.length;
    console.log(
      `similarity at ${WARN}: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} (${tp}/${pairs.related.length} related, ${fp} false warnings)`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });
});
