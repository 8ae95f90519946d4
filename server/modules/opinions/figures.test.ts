// A year's figures from data: 65 reports, 1 provincial government leader's and 14 city leaders' instructions and 14
// department responses give the annual report's sentence word for word; per submitter and per informant counts.
import { describe, expect, it } from 'vitest';
import { login, testAppForFile } from '../../test/harness.ts';
import { annualSentence, leaderPhrase } from './figures.ts';
import { chinaToday, chinaYear } from './workflow.ts';

const t = testAppForFile({ staff: 'liaison_staff' });
const today = chinaToday();

describe('annual sentence', () => {
  it('names the body of the leaders when all instructions of a level came from it', () => {
    expect(leaderPhrase('province', ['government'])).toBe('省政府领导');
    expect(leaderPhrase('city', ['party', 'government'])).toBe('市领导');
    expect(leaderPhrase('city', ['party'])).toBe('市委领导');
    expect(leaderPhrase('national', ['government'])).toBe('中央领导');
    expect(annualSentence({ received: 3, instructions: [], answered: 0 })).toBe('全年报送社情民意信息3条');
  });

  it('comes out of the data: 65 reports, 1 + 14 instructions, 14 responses', async () => {
    const writers = await Promise.all(
      ['member020', 'member021', 'member022', 'informant03', 'informant04'].map((u) => login(t.app, u)),
    );
    const unit = await login(t.app, 'unit05');
    const ids: number[] = [];
    for (let i = 0; i < 65; i++) {
      const w = writers[i % writers.length];
      const res = await w.post('/api/opinions', {
        title: `关于第${i + 1}个社区养老服务站建设的建议`,
        body: `社区养老服务站数量不足，建议在第${i + 1}社区增设服务站。`,
        category: i % 2 ? '社会民生' : '医疗卫生',
        submit: true,
      });
      ids.push(res.body.id);
    }
    // a draft does not count
    await writers[0].post('/api/opinions', { title: '草稿', body: '草稿内容', category: '其他' });
    for (const id of ids.slice(0, 30)) await t.staff.post(`/api/opinions/${id}/screen`, { decision: 'accept' });
    await t.staff.post(`/api/opinions/${ids[30]}/screen`, { decision: 'decline', comment: '内容重复' });
    const issue = (await t.staff.post('/api/opinions/issues', {})).body;
    await t.staff.post(`/api/opinions/issues/${issue.id}/reports`, { reportIds: ids.slice(0, 10) });
    await t.staff.post(`/api/opinions/${ids[0]}/adoptions`, { level: 'province', adoptedOn: today });
    await t.staff.post(`/api/opinions/${ids[1]}/adoptions`, { level: 'city', adoptedOn: today });
    await t.staff.post(`/api/opinions/${ids[0]}/instructions`, {
      leaderName: '赵省',
      leaderTitle: '副省长',
      leaderOrgan: 'government',
      level: 'province',
      instructedOn: today,
      text: '请省民政厅研究。',
    });
    for (const [i, id] of ids.slice(1, 15).entries()) {
      await t.staff.post(`/api/opinions/${id}/instructions`, {
        leaderName: `领导${i}`,
        leaderOrgan: i % 2 ? 'party' : 'government',
        level: 'city',
        instructedOn: today,
        text: '请研究办理。',
      });
    }
    for (const id of ids.slice(10, 25)) {
      const ref = await t.staff.post(`/api/opinions/${id}/referrals`, { unitId: unit.me.account.unitId });
      if (id === ids[24]) continue; // one still open: referred, not answered
      await unit.post(`/api/opinions/referrals/${ref.body.id}/respond`, { response: '已办理。' });
      await t.staff.post(`/api/opinions/referrals/${ref.body.id}/review`, { decision: 'approve' });
    }

    const f = (await t.staff.get(`/api/opinions/figures?year=${chinaYear()}`)).body;
    expect(f.sentence).toBe('全年报送社情民意信息65条，省政府领导批示1条、市领导批示14条、部门回复办理14条');
    expect(f).toMatchObject({
      received: 65,
      accepted: 30,
      declined: 1,
      compiled: 10,
      issues: 1,
      referred: 15,
      answered: 14,
    });
    expect(f.adopted.map((a: any) => [a.level, a.count])).toEqual([
      ['county', 0],
      ['city', 1],
      ['province', 1],
      ['national', 0],
    ]);
    expect(f.instructions.map((a: any) => [a.label, a.count])).toEqual([
      ['县级', 0],
      ['市级', 14],
      ['省级', 1],
      ['全国', 0],
    ]);
    expect(f.adoptionSentence).toBe('编发《社情民意》1期，被省政协采用1条、市政协采用1条');
    expect(f.byCategory).toEqual([
      { category: '医疗卫生', count: 33 },
      { category: '社会民生', count: 32 },
    ]);
    expect(f.byMonth.reduce((s: number, m: any) => s + m.count, 0)).toBe(65);
    const m20 = f.bySubmitter.find((s: any) => s.name === writers[0].me.account.displayName);
    expect(m20).toMatchObject({
      kind: 'member',
      kindLabel: '委员',
      received: 13,
      compiled: 2,
      adopted: 1,
      instructed: 3,
    });
    expect(f.byInformant).toHaveLength(10);
    const inf3 = f.byInformant.find((s: any) => s.name === writers[3].me.account.displayName);
    expect(inf3).toMatchObject({ received: 13, compiled: 2 });
    expect(f.byInformant.filter((s: any) => s.received === 0)).toHaveLength(8);
    const empty = (await t.staff.get('/api/opinions/figures?year=2020')).body;
    expect(empty).toMatchObject({
      received: 0,
      sentence: '全年报送社情民意信息0条',
      adoptionSentence: '尚无编发期刊和采用',
    });

    const xlsx = await t.staff.get(`/api/opinions/figures/export?year=${chinaYear()}`);
    expect(xlsx.status).toBe(200);
    expect(decodeURIComponent(String(xlsx.headers['content-disposition']))).toContain(
      `社情民意统计_${chinaYear()}.xlsx`,
    );
    for (const u of ['member020', 'unit05']) {
      expect((await (await login(t.app, u)).get('/api/opinions/figures')).status).toBe(403);
    }
    expect((await (await login(t.app, 'leader')).get('/api/opinions/figures')).status).toBe(200);
  });
});
