// Village histories (村史) through the routes: editors create and update a project (township, compilers, status), a
// member's account is filed under it and goes through the ordinary editorial workflow, the project's chapters are
// listed (manuscripts only for editors), the year's figures count projects and their articles, and tenancy.
import { describe, expect, it } from 'vitest';
import { beijingYearOf } from '../../platform/dates.ts';
import { okBody, testAppForFile } from '../../test/harness.ts';

const t = testAppForFile({
  office: 'office_staff',
  member: 'member032',
  member2: 'member033',
  county: 'county_office_staff',
});

const VILLAGE = {
  village: '桃源村',
  township: '青山镇',
  title: '桃源村史',
  description: '记录桃源村自清末建村以来的变迁。',
  editors: ['李守业', '王秀兰', '李守业'],
  state: 'compiling',
  startedOn: '2026-03-01',
};
const ACCOUNT = {
  title: '桃源村的第一所小学',
  body: '一九五二年，村里在祠堂办起了第一所小学……',
  accountKind: 'witnessed',
  place: '青山镇桃源村',
  consent: true,
};

describe('village histories', () => {
  it('keeps a project per village, files accounts under it through the editorial workflow, and counts them', async () => {
    const year = beijingYearOf();
    const fig = async () => {
      const r = await okBody(
        await t.office.get(`/api/figures?period=${year}&ids=archive.villages,archive.villageArticles`),
      );
      return Object.fromEntries(r.items.map((f: any) => [f.id, f.value]));
    };
    const before = await fig();

    expect((await t.member.post('/api/archive/villages', VILLAGE)).status).toBe(403);
    const { id } = await okBody(await t.office.post('/api/archive/villages', VILLAGE));
    const dup = await t.office.post('/api/archive/villages', { ...VILLAGE, title: '又一部' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe('该乡镇（街道）的这个村（社区）已有村史项目');
    const noDay = await t.office.put(`/api/archive/villages/${id}`, { ...VILLAGE, state: 'published' });
    expect(noDay.status).toBe(400);
    expect(noDay.body).toMatchObject({ field: 'publishedOn' });
    expect((await t.office.post('/api/archive/villages', { ...VILLAGE, state: 'done' })).status).toBe(400);

    // a member files an account under the project; it is a manuscript until published with its volume
    const bad = await t.member.post('/api/archive/articles', { ...ACCOUNT, villageId: 999999 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('所选村史项目不存在');
    const { id: a } = await okBody(await t.member.post('/api/archive/articles', { ...ACCOUNT, villageId: id }));
    const { id: b } = await okBody(await t.member2.post('/api/archive/articles', { ...ACCOUNT, title: '祠堂旧事' }));

    const seenByOffice = await okBody(await t.office.get(`/api/archive/villages/${id}`));
    expect(seenByOffice).toMatchObject({
      village: '桃源村',
      township: '青山镇',
      editors: ['李守业', '王秀兰'],
      stateLabel: '编纂中',
      articles: 1,
      published: 0,
      canEdit: true,
    });
    expect((await okBody(await t.member2.get(`/api/archive/villages/${id}`))).articles).toBe(0);
    const chapters = await okBody(await t.office.get(`/api/archive/articles?villageId=${id}`));
    expect(chapters.items.map((x: any) => [x.title, x.villageTitle])).toEqual([['桃源村的第一所小学', '桃源村史']]);

    // an editor files another account under the project while editing it
    await okBody(await t.office.post(`/api/archive/articles/${b}/actions`, { action: 'accept' }));
    await okBody(
      await t.office.post(`/api/archive/articles/${b}/versions`, {
        title: '祠堂旧事',
        body: '祠堂建于光绪年间……',
        editorNote: '归入桃源村史',
        villageId: id,
      }),
    );
    const after = await okBody(await t.office.get(`/api/archive/articles?villageId=${id}`));
    expect(after.items.map((x: any) => x.id).sort()).toEqual([a, b].sort());
    const list = await okBody(await t.office.get('/api/archive/villages?township=青山镇'));
    expect(list.items.find((v: any) => v.id === id)).toMatchObject({ title: '桃源村史', articles: 2 });
    expect((await t.office.get('/api/archive/villages?state=nope')).status).toBe(400);

    await okBody(
      await t.office.put(`/api/archive/villages/${id}`, { ...VILLAGE, state: 'published', publishedOn: '2026-10-01' }),
    );
    expect(await okBody(await t.office.get(`/api/archive/villages/${id}`))).toMatchObject({
      stateLabel: '已出版',
      publishedOn: '2026-10-01',
    });
    // b was received before it was filed under the project, and is counted as a village article all the same
    expect(await fig()).toEqual({
      'archive.villages': before['archive.villages'] + 1,
      'archive.villageArticles': before['archive.villageArticles'] + 2,
    });

    // another committee sees nothing and cannot file under it
    expect((await t.county.get(`/api/archive/villages/${id}`)).status).toBe(404);
    expect((await okBody(await t.county.get('/api/archive/villages'))).items).toEqual([]);
    expect((await t.county.put(`/api/archive/villages/${id}`, VILLAGE)).status).toBe(404);
  });
});
