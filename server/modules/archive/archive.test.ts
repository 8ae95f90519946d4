// The archive through the routes: a topic published, a member's 三亲 account with a photo and consent, every editorial
// step allowed and forbidden (accept / decline with reason / ask for more and resubmit, edit with versions, proofread,
// assign to a volume, published only with the volume), duty facts, search with filters, the volume's Word, tenancy.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../platform/db/client.ts';
import { type Client, okBody, testAppForFile } from '../../test/harness.ts';
import { docxText } from '../opinions/test-helpers.ts';
import { ACCOUNT } from './test-helpers.ts';

const t = testAppForFile({
  office: 'office_staff',
  member: 'member030',
  member2: 'member031',
  county: 'county_office_staff',
});
let m1: number;

beforeAll(async () => {
  m1 = (
    await query<{ member_id: number }>(t.database.db, sql`select member_id from accounts where username = 'member030'`)
  )[0].member_id;
});

const facts = async (kind: string, id: number) =>
  (
    await query<{ member_id: number }>(
      t.database.db,
      sql`select member_id from duty_facts where kind = ${kind} and source_type = 'archive_article' and source_id = ${id}
        and revoked_at is null order by member_id`,
    )
  ).map((r) => r.member_id);
/** POSTs `action` (with `extra` fields) to an archive article; the raw response. */
const articleAction = (c: Client, id: number, action: string, extra: Record<string, unknown> = {}) =>
  c.post(`/api/archive/articles/${id}/actions`, { action, ...extra });

const UPLOADS = '/api/archive/uploads';
const jpg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]);

async function topic() {
  const { id } = await okBody(
    await t.office.post('/api/archive/topics', {
      title: '改革开放亲历记',
      period: '改革开放初期',
      closesOn: '2099-06-30',
    }),
  );
  expect((await t.member.get('/api/archive/topics')).body.some((x: any) => x.id === id)).toBe(false);
  expect((await t.member.post(`/api/archive/topics/${id}/actions`, { action: 'publish' })).status).toBe(403);
  await okBody(await t.office.post(`/api/archive/topics/${id}/actions`, { action: 'publish' }));
  return id as number;
}

describe('collection and assessment', () => {
  it('records consent, attaches a photo, feeds the submitted fact; decline needs a reason', async () => {
    const topicId = await topic();
    expect((await t.member.post('/api/archive/articles', { ...ACCOUNT, consent: false })).body.message).toContain(
      '同意',
    );
    const photo = await t.member.upload(UPLOADS, '考场旧照.jpg', jpg);
    expect(photo.status, JSON.stringify(photo.body)).toBe(200);
    const { id } = await okBody(
      await t.member.post('/api/archive/articles', { ...ACCOUNT, topicId, fileIds: [photo.body.id] }),
    );
    expect(await facts('archive.submitted', id)).toEqual([m1]);
    const mine = await okBody(await t.member.get(`/api/archive/articles/${id}`));
    expect(mine).toMatchObject({ stateLabel: '已收稿待评估', accountKindLabel: '亲历', consent: true, actions: [] });
    expect(mine.files.map((f: any) => f.name)).toEqual(['考场旧照.jpg']);
    expect((await t.member2.get(`/api/archive/articles/${id}`)).status).toBe(404);
    expect((await t.member2.get(`/api/files/${photo.body.id}`)).status).toBe(403);
    expect((await t.office.get(`/api/files/${photo.body.id}`)).status).toBe(200);
    expect((await articleAction(t.member, id, 'accept')).status).toBe(403);
    expect((await articleAction(t.office, id, 'decline')).status).toBe(400);
    await okBody(await articleAction(t.office, id, 'decline', { comment: '与本次征集主题无关' }));
    expect((await okBody(await t.member.get(`/api/archive/articles/${id}`))).declineReason).toBe('与本次征集主题无关');
    expect((await articleAction(t.office, id, 'accept')).status).toBe(409);
    expect(await facts('archive.accepted', id)).toEqual([]);
  });

  it('asks the author for more; only the author completes and resubmits', async () => {
    const { id } = await okBody(await t.member.post('/api/archive/articles', ACCOUNT));
    expect((await t.member.put(`/api/archive/articles/${id}`, ACCOUNT)).status).toBe(409);
    await okBody(await articleAction(t.office, id, 'askMore', { comment: '请补充当年准考证照片' }));
    expect((await articleAction(t.member2, id, 'resubmit')).status).toBe(404);
    expect((await articleAction(t.office, id, 'resubmit')).status).toBe(403);
    await okBody(
      await t.member.put(`/api/archive/articles/${id}`, { ...ACCOUNT, body: `${ACCOUNT.body}\n附：准考证照片。` }),
    );
    await okBody(await articleAction(t.member, id, 'resubmit'));
    const a = await okBody(await t.office.get(`/api/archive/articles/${id}`));
    expect(a.stateLabel).toBe('已收稿待评估');
    expect(a.timeline.map((x: any) => x.label)).toEqual(['请作者补充', '补充后重新提交']);
    expect(a.actions.map((x: any) => x.action)).toEqual(['accept', 'decline', 'askMore']);
  });
});

describe('editing to a published volume', () => {
  it('keeps versions, proofreads, assigns, publishes only with the volume, and is then found by search', async () => {
    const { id } = await okBody(await t.member.post('/api/archive/articles', { ...ACCOUNT, title: '公社里的夜校' }));
    expect((await t.office.post(`/api/archive/articles/${id}/versions`, { title: 'x', body: 'y' })).status).toBe(409);
    await okBody(await articleAction(t.office, id, 'accept'));
    expect(await facts('archive.accepted', id)).toEqual([m1]);
    expect((await articleAction(t.office, id, 'finishEditing')).status).toBe(409);
    expect((await t.member.post(`/api/archive/articles/${id}/versions`, { title: 'x', body: 'y' })).status).toBe(403);
    const v1 = await okBody(
      await t.office.post(`/api/archive/articles/${id}/versions`, {
        title: '公社夜校忆往',
        body: '一九七七年冬，公社办起了夜校。\n煤油灯下，我们复习功课。',
        editorNote: '调整标题，删去重复段落',
      }),
    );
    expect(v1.version).toBe(1);
    await okBody(await articleAction(t.office, id, 'finishEditing'));
    expect((await t.office.post(`/api/archive/articles/${id}/versions`, { title: 'x', body: 'y' })).status).toBe(409);
    await okBody(await articleAction(t.office, id, 'returnToEditing', { comment: '人名需核实' }));
    await okBody(
      await t.office.post(`/api/archive/articles/${id}/versions`, {
        title: '公社夜校忆往',
        body: '一九七七年冬，公社办起了夜校，李校长亲自授课。\n煤油灯下，我们复习功课。',
        editorNote: '核实人名',
        persons: ['李校长'],
      }),
    );
    const a = await okBody(await t.office.get(`/api/archive/articles/${id}`));
    expect(a.versions.map((v: any) => [v.version, v.editorNote])).toEqual([
      [0, '作者原稿'],
      [1, '调整标题，删去重复段落'],
      [2, '核实人名'],
    ]);
    expect((await okBody(await t.office.get(`/api/archive/articles/${id}/versions/0`))).title).toBe('公社里的夜校');
    expect((await t.member.get(`/api/archive/articles/${id}/versions/0`)).status).toBe(403);
    await okBody(await articleAction(t.office, id, 'finishEditing'));
    await okBody(await articleAction(t.office, id, 'proofread'));

    const { id: volumeId } = await okBody(
      await t.office.post('/api/archive/volumes', {
        number: 12,
        title: '改革开放亲历记',
        description: '示例市文史资料',
      }),
    );
    expect((await t.office.post('/api/archive/volumes', { number: 12, title: '重复' })).status).toBe(409);
    expect((await t.office.post(`/api/archive/volumes/${volumeId}/actions`, { action: 'publish' })).status).toBe(409);
    expect((await articleAction(t.office, id, 'assign')).status).toBe(400);
    await okBody(await articleAction(t.office, id, 'assign', { data: { volumeId } }));
    // an article is published only with its volume
    expect((await articleAction(t.office, id, 'publish')).status).toBe(403);
    expect((await t.member.get(`/api/archive/volumes/${volumeId}`)).status).toBe(404);
    expect((await t.member.post(`/api/archive/volumes/${volumeId}/actions`, { action: 'publish' })).status).toBe(403);
    // not yet public: another member does not find it
    expect((await okBody(await t.member2.get('/api/archive/articles?q=夜校'))).total).toBe(0);
    await okBody(await t.office.post(`/api/archive/volumes/${volumeId}/actions`, { action: 'publish' }));
    expect(await facts('archive.published', id)).toEqual([m1]);
    const pub = await okBody(await t.member2.get(`/api/archive/articles/${id}`));
    expect(pub).toMatchObject({ stateLabel: '已出版', volumeNumber: 12, title: '公社夜校忆往' });
    expect(pub.timeline.at(-1).label).toBe('随辑出版');
    expect((await t.office.post(`/api/archive/volumes/${volumeId}/actions`, { action: 'publish' })).status).toBe(409);

    // full-text search (a two-character word) with filters
    const found = await okBody(await t.member2.get('/api/archive/articles?q=夜校'));
    expect(found.items.map((x: any) => x.id)).toEqual([id]);
    expect(
      (await okBody(await t.member2.get(`/api/archive/articles?q=${encodeURIComponent('煤油灯')}&person=李校长`)))
        .total,
    ).toBe(1);
    expect((await okBody(await t.member2.get('/api/archive/articles?q=夜校&person=王校长'))).total).toBe(0);
    expect(
      (await okBody(await t.member2.get(`/api/archive/articles?tag=高考&period=改革开放初期&volumeId=${volumeId}`)))
        .total,
    ).toBe(1);
    expect(
      (await okBody(await t.member2.get('/api/archive/articles?place=第一中学&theme=教育'))).total,
    ).toBeGreaterThanOrEqual(1);
    expect((await okBody(await t.county.get('/api/archive/articles?q=夜校'))).total).toBe(0);
    expect((await t.county.get(`/api/archive/articles/${id}`)).status).toBe(404);

    // the volume as Word: cover, contents, the article
    const vols = await okBody(await t.member2.get('/api/archive/volumes'));
    expect(vols.map((v: any) => v.number)).toContain(12);
    const doc = await t.member2.get(`/api/archive/volumes/${volumeId}/volume.docx`);
    expect(doc.status).toBe(200);
    const text = docxText(doc.raw as any);
    for (const s of ['示例市政协', '文史资料 第12辑', '目  录', '1. 公社夜校忆往', '李校长亲自授课'])
      expect(text).toContain(s);
    expect(text.indexOf('目  录')).toBeLessThan(text.lastIndexOf('公社夜校忆往'));
    // the same print layout as a page the browser saves as PDF
    const print = await t.member2.get(`/api/archive/volumes/${volumeId}/print`);
    expect(print.status).toBe(200);
    expect(print.headers['content-type']).toContain('text/html');
    const html = String(print.raw);
    for (const s of ['示例市政协', '文史资料 第12辑', '目　录', '公社夜校忆往', '李校长亲自授课', '另存为 PDF'])
      expect(html).toContain(s);
    expect(html.indexOf('目　录')).toBeLessThan(html.lastIndexOf('公社夜校忆往'));
    expect((await t.county.get(`/api/archive/volumes/${volumeId}/print`)).status).toBe(404);
  });
});
