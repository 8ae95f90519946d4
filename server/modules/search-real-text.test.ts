// Search meets real text: full-width letters and digits, zero-width characters and one-character queries find the same
// proposals, opinion reports and members whichever form was typed; a query with nothing searchable is refused, never
// answered with every item; rows indexed by an older version are rebuilt by the start-up reindex.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../platform/db/client.ts';
import { testAppForFile } from '../test/harness.ts';
import { reindexStaleSearch } from './search-reindex.ts';

const t = testAppForFile({ member: 'member030', liaison: 'liaison_staff', office: 'office_staff' });
const ids: Record<string, number> = {};

const TEXT = { background: '河道治理与空气质量问题突出。', suggestions: '建议统筹推进。', category: '社会建设' };

beforeAll(async () => {
  const p = async (title: string) => {
    const res = await t.member.post('/api/proposals', { title, ...TEXT });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.id as number;
  };
  ids.fiveG = await p('关于加快５Ｇ基站建设\u200b的建议');
  ids.pm = await p('关于降低ＰＭ２．５浓度的建议');
  ids.water = await p('关于治理河道水污染的建议');
  const o = async (title: string, body: string) => {
    const res = await t.member.post('/api/opinions', { title, body, category: '其他', submit: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.id as number;
  };
  ids.o5g = await o('５Ｇ信号覆盖不足', '城郊５Ｇ信号弱，群众反映强烈。');
  ids.oPm = await o('冬季ＰＭ２．５偏高', '供暖季ＰＭ２．５浓度偏高。');
  ids.oWater = await o('关于河道水污染的情况反映', '上游排污导致河道水质变差。');
});

const proposals = async (q: string) => {
  const res = await t.member.get(`/api/proposals?scope=mine&pageSize=100&q=${encodeURIComponent(q)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as { id: number }[]).map((x) => x.id).sort((a, b) => a - b);
};
const reports = async (q: string) => {
  const res = await t.liaison.get(`/api/opinions?pageSize=500&q=${encodeURIComponent(q)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as { id: number }[]).map((x) => x.id).sort((a, b) => a - b);
};

describe('proposals', () => {
  it('stores the half-width, visible form of what was typed', async () => {
    const res = await t.member.get(`/api/proposals/${ids.fiveG}`);
    expect(res.body.title).toBe('关于加快5G基站建设的建议');
    expect((await t.member.get(`/api/proposals/${ids.pm}`)).body.title).toBe('关于降低PM2.5浓度的建议');
  });

  it('finds 5G, ５Ｇ, 5g, PM2.5 and ＰＭ２．５ alike', async () => {
    for (const q of ['5G', '５Ｇ', '5g', ' ５ｇ ']) expect(await proposals(q)).toEqual([ids.fiveG]);
    for (const q of ['PM2.5', 'ＰＭ２．５', 'pm2.5']) expect(await proposals(q)).toEqual([ids.pm]);
  });

  it('finds a single character: 水 finds 「关于治理河道水污染的建议」', async () => {
    expect(await proposals('水')).toEqual([ids.water]);
    expect(await proposals('水污染')).toEqual([ids.water]);
  });

  it('answers a query with nothing searchable as such, never with every proposal', async () => {
    const res = await t.member.get(`/api/proposals?q=${encodeURIComponent('？？\u200b')}`);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('请输入至少一个汉字、字母或数字');
    // An empty or blank query is no filter at all.
    expect((await t.member.get(`/api/proposals?scope=mine&q=${encodeURIComponent('  ')}`)).body.total).toBe(3);
  });
});

describe('opinion reports', () => {
  it('finds 5G, ５Ｇ, PM2.5, ＰＭ２．５ and 水 alike', async () => {
    for (const q of ['5G', '５Ｇ']) expect(await reports(q)).toEqual([ids.o5g]);
    for (const q of ['PM2.5', 'ＰＭ２．５']) expect(await reports(q)).toEqual([ids.oPm]);
    expect(await reports('水')).toContain(ids.oWater);
    expect(await reports('水质')).toEqual([ids.oWater]);
    expect((await t.liaison.get(`/api/opinions?q=${encodeURIComponent('＃')}`)).status).toBe(400);
  });
});

describe('members', () => {
  it('stores a name without its zero-width space and finds it by any form', async () => {
    const sectorId = (await queryOne<{ id: number }>(
      t.database.db,
      sql`select id from sectors where committee_id = 1 order by id limit 1`,
    ))!.id;
    const termId = (await t.office.get('/api/org/members?pageSize=1')).body.items[0].termId;
    const res = await t.office.post('/api/org/members', {
      termId,
      name: '欧阳\u200b５Ｇ',
      sectorId,
      workUnit: '示例市水务局',
      phone: '１３９００００１２３４',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const id = res.body.id;
    const m = res.body;
    expect(m.name).toBe('欧阳5G');
    // Shown masked (issue 11); the stored value is the half-width number.
    expect(m.phone).toBe('139****1234');
    const shown = await t.office.post(`/api/org/members/${id}/reveal`, { field: 'phone' });
    expect(shown.body.value).toBe('13900001234');
    for (const q of ['欧阳', '５Ｇ', '5g']) {
      const found = (await t.office.get(`/api/org/members?pageSize=500&q=${encodeURIComponent(q)}`)).body.items;
      expect(found.map((x: { id: number }) => x.id)).toContain(id);
    }
    expect((await t.office.get(`/api/org/members?q=${encodeURIComponent('・')}`)).status).toBe(400);
  });
});

describe('start-up reindex', () => {
  it('rebuilds rows indexed by an older version so that they are found too', async () => {
    const db = t.database.db;
    // As an older version indexed it: no unigrams, the full-width text as it was.
    await db.execute(sql`update proposals set search = to_tsvector('simple', '关于 治理 河道 水污染 建议')
      where committee_id = 1 and id = ${ids.water}`);
    expect(await proposals('水')).toEqual([]);
    await db.execute(sql`delete from search_index_state`);
    const done = await reindexStaleSearch(db);
    expect(done.proposals).toBeGreaterThan(0);
    expect(done.members).toBeGreaterThan(0);
    expect(await proposals('水')).toEqual([ids.water]);
    // Done once: a second start does nothing.
    expect(await reindexStaleSearch(db)).toEqual({});
  });
});

describe('members by number, account and pinyin', () => {
  it('finds a member by member number, sign-in name, full pinyin and initials', async () => {
    const db = t.database.db;
    const m = (await queryOne<{ id: number; code: string; name: string; username: string }>(
      db,
      sql`select m.id, m.code, m.name, a.username from members m
        join accounts a on a.committee_id = m.committee_id and a.member_id = m.id
        where m.committee_id = 1 and a.username = 'member042'`,
    ))!;
    const { pinyin } = await import('pinyin-pro');
    const full = pinyin(m.name, { toneType: 'none', type: 'array', surname: 'head' }).join('');
    const initials = pinyin(m.name, { toneType: 'none', pattern: 'first', type: 'array', surname: 'head' }).join('');
    const find = async (q: string) => {
      const res = await t.office.get(`/api/org/members?pageSize=500&q=${encodeURIComponent(q)}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body.items as { id: number }[]).map((x) => x.id);
    };
    for (const q of [
      m.code,
      m.code.toLowerCase(),
      m.code.slice(-4),
      'member042',
      'MEMBER042',
      full,
      full.slice(0, 4),
      initials,
      initials.toUpperCase(),
    ]) {
      expect(await find(q), q).toContain(m.id);
    }
    expect(await find('member04')).toContain(m.id);
    expect(await find('qqxxzz')).toEqual([]);
    // Another committee's member with the same pinyin is never found.
    const found = await find(initials);
    const others = await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from members where committee_id <> 1 and id = any(${sql.param(found)}::int[])`,
    );
    expect(others!.n).toBe(0);
  });
});
