// The learning, reading and literature-history figures in the registry: a part of the year built through the routes
// (accounts submitted and one declined, reflections written and one submitted), each figure equal to a recount by plain
// SQL and moved by exactly the hand-counted amount; each module's sentence in the report builder.
import { describe, expect, it } from 'vitest';
import { ACCOUNT } from '../../modules/archive/test-helpers.ts';
import { testAppForFile } from '../../test/harness.ts';
import { beijingToday } from '../dates.ts';
import { queryOne } from '../db/client.ts';
import { recountModules } from './recount-modules.ts';

const t = testAppForFile({ leader: 'leader', office: 'office_staff', member: 'member050' });
const year = Number(beijingToday().slice(0, 4));
const IDS = Object.keys(recountModules(0, '2000-01-01', '2000-01-01', 2000));

const figures = async (period: string) => {
  const res = await t.leader.get(`/api/figures?period=${period}&ids=${IDS.join(',')}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return Object.fromEntries(res.body.items.map((i: any) => [i.id, i])) as Record<string, any>;
};

const account = (title: string) => ({ ...ACCOUNT, title, tags: ['高考'] });

describe('learning, reading and archive figures', () => {
  it('count what was built through the routes, equal to a recount by plain SQL', async () => {
    const before = await figures(String(year));
    for (const title of ['我所经历的一九七八年恢复高考', '老城区供销社的变迁']) {
      const r = await t.member.post('/api/archive/articles', account(title));
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      if (title.startsWith('老城区')) {
        const d = await t.office.post(`/api/archive/articles/${r.body.id}/actions`, {
          action: 'decline',
          comment: '与本次征集主题无关',
        });
        expect(d.status, JSON.stringify(d.body)).toBe(200);
      }
    }
    const drafts: number[] = [];
    for (const title of ['学习全国两会精神的体会', '履职能力培训心得']) {
      const r = await t.member.post('/api/learning/reflections', { title, body: '通过学习，深刻认识到……' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      drafts.push(r.body.id);
    }
    const s = await t.member.post(`/api/learning/reflections/${drafts[0]}/actions`, { action: 'submit' });
    expect(s.status, JSON.stringify(s.body)).toBe(200);

    const after = await figures(String(year));
    // Hand-counted: two accounts received (the declined one too), one reflection submitted (the draft not).
    expect(after['archive.received'].value).toBe(before['archive.received'].value + 2);
    expect(after['learning.reflections'].value).toBe(before['learning.reflections'].value + 1);
    expect(after['archive.published'].value).toBe(before['archive.published'].value);
    const sqls = recountModules(t.leader.me.committee.id as number, `${year}-01-01`, `${year}-12-31`, year);
    for (const id of IDS) {
      const n = (await queryOne<{ n: number }>(t.database.db, sqls[id]))!.n;
      expect(after[id].value, id).toBe(n);
      expect(after[id].definition.length, id).toBeGreaterThan(10);
      expect(after[id].link, id).toMatch(/^\/(learning|reading|archive|grassroots)/);
    }
    // Today's month: the range-kept figures count the same rows; reading is kept by year and says so.
    const today = beijingToday();
    const month = await figures(today.slice(0, 7));
    const m = recountModules(t.leader.me.committee.id as number, `${today.slice(0, 7)}-01`, today, year);
    expect(month['archive.received'].value).toBe(
      (await queryOne<{ n: number }>(t.database.db, m['archive.received']))!.n,
    );
    expect(month['archive.received'].value).toBeGreaterThanOrEqual(2);
    expect(month['reading.notes']).toMatchObject({ value: null, note: '该项按年度统计，请选择整年' });
  });

  it('write each module’s paragraph in the report builder', async () => {
    const c = await t.office.get(`/api/figures/report/compose?period=${year}&modules=learning,reading,archive`);
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    expect(c.body.sections.map((s: any) => s.heading)).toEqual(['委员学习', '文史资料', '委员读书']);
    const f = await figures(String(year));
    const archive = c.body.sections.find((s: any) => s.module === 'archive');
    expect(archive.filled).toContain(`全年征集文史资料${f['archive.received'].value}篇`);
    const learning = c.body.sections.find((s: any) => s.module === 'learning');
    expect(learning.filled).toContain(`提交学习心得${f['learning.reflections'].value}篇`);
  });
});
