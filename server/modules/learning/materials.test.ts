// Learning materials through the routes: uploads checked by content against the kind and the committee's types and
// video limit (raised per setting), WebM by its header, drafts hidden from members until published, withdrawn with a
// reason.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryOne } from '../../platform/db/client.ts';
import { okBody, testAppForFile } from '../../test/harness.ts';
import { mp4, pdf } from './test-helpers.ts';

const t = testAppForFile({ office: 'office_staff', member: 'member020' });
const db = () => t.database.db;

describe('materials', () => {
  it('checks type and the per-committee video limit, which the committee may raise', async () => {
    const exe = await t.office.upload(
      '/api/learning/uploads?kind=video',
      'a.mp4',
      Buffer.from('MZ\x90\x00 not a video'),
    );
    expect(exe.status).toBe(400);
    expect(exe.body.message).toContain('文件内容与扩展名');
    expect((await t.office.upload('/api/learning/uploads?kind=video', 'a.pdf', pdf)).body.message).toContain(
      '仅支持 mp4',
    );
    expect((await t.member.upload('/api/learning/uploads?kind=video', 'a.mp4', mp4(100))).status).toBe(403);
    const settings = await okBody(await t.office.get('/api/learning/settings'));
    await okBody(await t.office.put('/api/learning/settings', { ...settings, videoMaxMb: 1 }));
    const big = await t.office.upload('/api/learning/uploads?kind=video', 'big.mp4', mp4(1024 * 1024 + 10));
    expect(big.status).toBe(400);
    expect(big.body.message).toBe('文件不能超过 1 MB');
    await okBody(await t.office.put('/api/learning/settings', { ...settings, videoMaxMb: 2 }));
    expect((await t.office.upload('/api/learning/uploads?kind=video', 'big.mp4', mp4(1024 * 1024 + 10))).status).toBe(
      200,
    );
    await okBody(await t.office.put('/api/learning/settings', settings));
  });

  it('takes a WebM video by its EBML header, unless the committee allows mp4 only', async () => {
    const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81]), Buffer.alloc(512)]);
    const up = await t.office.upload('/api/learning/uploads?kind=video', '讲座录像.webm', webm);
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    const file = await queryOne<{ mime: string }>(db(), sql`select mime from files where id = ${up.body.id}`);
    expect(file?.mime).toBe('video/webm');
    await okBody(
      await t.office.post('/api/learning/materials', { title: '讲座录像', kind: 'video', fileId: up.body.id }),
    );
    expect((await t.office.upload('/api/learning/uploads?kind=video', '伪装.webm', pdf)).body.message).toBe(
      '文件内容与扩展名「webm」不符',
    );
    expect((await t.office.upload('/api/learning/uploads?kind=audio', '讲座录像.webm', webm)).body.message).toContain(
      '仅支持 mp3',
    );
    const settings = await okBody(await t.office.get('/api/learning/settings'));
    await okBody(await t.office.put('/api/learning/settings', { ...settings, videoTypes: ['mp4'] }));
    expect((await t.office.upload('/api/learning/uploads?kind=video', '讲座录像.webm', webm)).body.message).toContain(
      '不支持的文件类型「webm」',
    );
    await okBody(await t.office.put('/api/learning/settings', settings));
  });

  it('refuses a file that does not fit the kind, and hides drafts from members', async () => {
    const up = (await t.office.upload('/api/learning/uploads?kind=pdf', '读本.pdf', pdf)).body;
    const bad = await t.office.post('/api/learning/materials', { title: '读本', kind: 'video', fileId: up.id });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('上传的文件不是视频，请重新选择文件或资料类型');
    const { id } = await okBody(
      await t.office.post('/api/learning/materials', { title: '政协章程读本', kind: 'pdf', fileId: up.id }),
    );
    expect((await t.member.get(`/api/learning/materials/${id}`)).status).toBe(404);
    expect((await t.member.put(`/api/learning/materials/${id}/progress`, { percent: 100 })).status).toBe(404);
    const mine = await okBody(await t.member.get('/api/learning/materials?pageSize=100'));
    expect(mine.items.some((m: any) => m.id === id)).toBe(false);
    // the file is not readable by a member before publishing
    expect((await t.member.get(`/api/files/${up.id}`)).status).toBe(403);
    await okBody(await t.office.post(`/api/learning/materials/${id}/actions`, { action: 'publish' }));
    expect((await t.member.get(`/api/files/${up.id}`)).status).toBe(200);
    // withdraw needs a reason; a member may not publish or withdraw
    expect((await t.office.post(`/api/learning/materials/${id}/actions`, { action: 'withdraw' })).status).toBe(400);
    expect(
      (await t.member.post(`/api/learning/materials/${id}/actions`, { action: 'withdraw', comment: 'x' })).status,
    ).toBe(403);
    await okBody(
      await t.office.post(`/api/learning/materials/${id}/actions`, { action: 'withdraw', comment: '内容更新' }),
    );
    expect(
      (await t.office.post(`/api/learning/materials/${id}/actions`, { action: 'withdraw', comment: 'x' })).status,
    ).toBe(409);
    expect((await t.member.get(`/api/learning/materials/${id}`)).status).toBe(404);
  });
});
