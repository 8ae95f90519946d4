import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/harness.ts';
import { query } from '../db/client.ts';
import { matchSearch, searchQueryText, searchTokens, textSimilarity, toSearchVector } from './search.ts';

let t: TestContext;
const docs = [
  '关于加快发展社区养老服务体系的建议',
  '关于推进义务教育优质均衡发展的建议',
  '关于完善有事好商量协商议事机制的建议',
  '关于加强农村饮水安全工程建设的提案',
];
beforeAll(async () => {
  t = await createTestApp();
  await t.database.db.execute(sql`create table search_docs (id int primary key, body text, search tsvector)`);
  for (const [i, d] of docs.entries()) {
    await t.database.db.execute(sql`insert into search_docs values (${i + 1}, ${d}, ${toSearchVector(d)})`);
  }
});
afterAll(() => t.close());

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
