// 数字文史: a member on a 375 px phone submits a 三亲 account with a photo and the copyright consent → the office
// accepts it, edits it (a version with a note), proofreads it, puts it in a new volume and publishes the volume →
// the member finds it by full-text search on the phone and reads it, published with its volume. Axe and no sideways
// scrolling on each screen, also on a desktop search that finds nothing (the table's empty text must be readable).
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api.ts';
import { checkScreen, pageErrorsOf, shot, signInAndOpen } from './browser.ts';

const TITLE = '老码头的最后一班渡轮';
const jpg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]);

describe('数字文史：委员投稿 → 编辑出版 → 检索阅读', () => {
  it('委员在手机上提交带照片的三亲史料，编辑出版后检索到并阅读', async () => {
    const phone = await signInAndOpen('member274', '/archive', { mobile: true });
    await phone.getByRole('button', { name: '提交三亲史料' }).click();
    await phone.getByLabel('标题').fill(TITLE);
    await phone
      .getByLabel('正文')
      .fill('一九九八年夏天，跨江大桥通车，老码头的渡轮停航。\n最后一班渡轮上，船长拉响了三声汽笛，岸上的人都在挥手。');
    await phone.getByLabel('地点').fill('老码头');
    await phone.locator('input[type=file]').setInputFiles({ name: '渡轮.jpg', mimeType: 'image/jpeg', buffer: jpg });
    await phone.getByRole('list', { name: '已上传文件' }).getByText('渡轮.jpg').waitFor();
    await phone.getByRole('checkbox', { name: /同意授权/ }).check();
    await checkScreen(phone);
    await phone.getByRole('button', { name: '提交', exact: true }).click();
    await phone.getByText('待评估').waitFor();
    await phone.getByRole('img', { name: '渡轮.jpg' }).waitFor();
    await shot(phone, 'archive-submitted-phone');
    const id = Number(new URL(phone.url()).pathname.split('/').pop());

    // the office's editorial steps
    const office = await apiLogin('office_staff');
    const must = async (p: Promise<{ status: number; body: any }>) => {
      const r = await p;
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body;
    };
    await must(office.post(`/api/archive/articles/${id}/actions`, { action: 'accept' }));
    await must(
      office.post(`/api/archive/articles/${id}/versions`, {
        title: TITLE,
        body: '一九九八年夏天，跨江大桥建成通车，老码头的渡轮随之停航。\n最后一班渡轮上，船长拉响了三声汽笛，岸上的人都在挥手。',
        editorNote: '补充大桥通车背景',
      }),
    );
    await must(office.post(`/api/archive/articles/${id}/actions`, { action: 'finishEditing' }));
    await must(office.post(`/api/archive/articles/${id}/actions`, { action: 'proofread' }));
    const volume = await must(
      office.post('/api/archive/volumes', { number: 100 + (Date.now() % 800), title: '江城旧事' }),
    );
    await must(office.post(`/api/archive/articles/${id}/actions`, { action: 'assign', data: { volumeId: volume.id } }));
    await must(office.post(`/api/archive/volumes/${volume.id}/actions`, { action: 'publish' }));

    // the member finds it by full-text search and reads it, published in its volume
    await phone.goto('/archive');
    await phone.getByLabel('全文检索').fill('渡轮');
    await phone.getByRole('button', { name: '检索' }).click();
    await phone.getByRole('link', { name: TITLE }).first().click();
    await phone.getByText('已出版').first().waitFor();
    await phone.getByText('江城旧事').first().waitFor();
    await phone.getByText('跨江大桥建成通车').waitFor();
    await checkScreen(phone, 'archive-published-phone');

    // the volume in print layout, which the browser prints or saves as PDF
    await phone.goto(`/archive/volumes/${volume.id}`);
    const print = phone.getByRole('link', { name: '打印 / 存为 PDF' });
    await print.waitFor();
    await phone.goto((await print.getAttribute('href'))!);
    await phone.getByRole('heading', { name: '目　录' }).waitFor();
    await phone.getByRole('heading', { name: TITLE }).waitFor();
    await phone.getByText('最后一班渡轮上').waitFor();
    await shot(phone, 'archive-volume-print-phone');
    expect(pageErrorsOf(phone)).toEqual([]);
  });

  it('一次没有结果的检索：桌面表格的空状态文字清晰可读（axe 对比度）', async () => {
    const desk = await signInAndOpen('member274', '/archive?q=查无此词的一次检索');
    await desk.getByText('没有符合条件的史料，请换个关键词或筛选条件').waitFor();
    await checkScreen(desk, 'archive-search-empty');
    expect(pageErrorsOf(desk)).toEqual([]);
  });
});
