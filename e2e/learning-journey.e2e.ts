// 委员学习: the office uploads a study material and publishes it on its desk → a member on a 375 px phone opens it from
// 委员学习, marks it learnt, writes a reflection (心得) and submits it → the office accepts it → the member sees 已通过.
// Then a study video: the office uploads a real WebM (recorded in this Chromium, which plays VP8 but not H.264), the
// member plays it in the page's player until the server finishes it, writes a reflection, the office accepts it and
// sees the completion on its desk.
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api.ts';
import {
  beijingToday,
  checkScreen,
  chooseOption,
  expectNoHorizontalOverflow,
  type Page,
  pageErrorsOf,
  shot,
  signInAndOpen,
} from './browser.ts';

const TITLE = `政协委员履职读本（旅程${Date.now() % 100000}）`;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('委员学习：发布资料 → 委员学完并写心得 → 审核通过', () => {
  it('办公室在学习管理页上传并发布资料', async () => {
    const page = await signInAndOpen('office_staff', '/learning/manage');
    await page.getByLabel('资料名称').fill(TITLE);
    await chooseOption(page, '资料类型', 'PDF');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '履职读本.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByText('已上传：履职读本.pdf').waitFor();
    await page.getByRole('button', { name: '保存为草稿' }).click();
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await row.getByRole('button', { name: '发布' }).click();
    await row.getByText('已发布').waitFor();
    await shot(page, 'learning-manage');
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('委员在手机上学完资料并提交心得，审核通过后看到结果', async () => {
    const phone = await signInAndOpen('member077', '/learning', { mobile: true });
    await phone.getByRole('link', { name: TITLE }).click();
    await phone.getByRole('button', { name: '我已学完' }).click();
    await phone.getByText('已学完').first().waitFor();
    await phone.getByLabel('心得内容').fill('通过学习履职读本，我对提案、社情民意信息的撰写要求有了更清楚的认识。');
    await shot(phone, 'learning-material-phone');
    await checkScreen(phone);
    await phone.getByRole('button', { name: '提交心得' }).click();
    await phone.getByText('待审核', { exact: true }).waitFor();
    const id = Number(new URL(phone.url()).pathname.split('/').pop());

    const office = await apiLogin('office_staff');
    const r = await office.post(`/api/learning/reflections/${id}/actions`, { action: 'accept' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    await phone.reload();
    await phone.getByText('已通过', { exact: true }).waitFor();
    await phone.getByText('审核通过').waitFor();
    await expectNoHorizontalOverflow(phone);
    await shot(phone, 'learning-reflection-accepted-phone');
    expect(pageErrorsOf(phone)).toEqual([]);
  });
});

/** Records a real ~3 s WebM (VP8) of a changing canvas in the page's own browser: no video tool or fixture needed. */
async function recordWebm(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const g = canvas.getContext('2d')!;
    const recorder = new MediaRecorder(canvas.captureStream(10), {
      mimeType: 'video/webm;codecs=vp8',
      videoBitsPerSecond: 50_000,
    });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const stopped = new Promise((r) => {
      recorder.onstop = r;
    });
    recorder.start();
    const t0 = performance.now();
    while (performance.now() - t0 < 3000) {
      g.fillStyle = `hsl(${Math.floor((performance.now() - t0) / 10) % 360},70%,50%)`;
      g.fillRect(0, 0, 64, 48);
      await new Promise((r) => setTimeout(r, 50));
    }
    recorder.stop();
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let s = '';
    for (const x of bytes) s += String.fromCharCode(x);
    return btoa(s);
  });
  return Buffer.from(b64, 'base64');
}

const VIDEO = `政协委员履职能力专题讲座（视频${Date.now() % 100000}）`;
const STUDENT = 'member078';
const year = Number(beijingToday().slice(0, 4));

describe('委员学习：视频资料 → 委员在手机上播放到学完并写心得 → 工作人员看到完成情况', () => {
  it('办公室上传一段真实的 WebM 视频并发布', async () => {
    const page = await signInAndOpen('office_staff', '/learning/manage');
    const webm = await recordWebm(page);
    expect(webm.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
    await page.getByLabel('资料名称').fill(VIDEO);
    await page.getByLabel('学习主题').fill('履职能力建设');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '专题讲座.webm', mimeType: 'video/webm', buffer: webm });
    await page.getByText('已上传：专题讲座.webm').waitFor();
    await page.getByRole('button', { name: '保存为草稿' }).click();
    const row = page.getByRole('row', { name: new RegExp(VIDEO) });
    await row.getByRole('cell', { name: '视频', exact: true }).waitFor();
    await row.getByRole('button', { name: '发布' }).click();
    await row.getByText('已发布').waitFor();
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('委员在手机上播放视频直到显示已学完，再提交心得；审核通过后委员和工作人员都看到结果', async () => {
    const office = await apiLogin('office_staff');
    const student = await apiLogin(STUDENT);
    const completion = async () =>
      (await office.get(`/api/learning/completion?year=${year}&by=member`)).body.items.find(
        (r: any) => r.name === student.me.account.displayName,
      );
    const before = await completion();
    expect(before, `${STUDENT} 不在完成情况中`).toBeTruthy();

    const phone = await signInAndOpen(STUDENT, '/learning', { mobile: true });
    // the year's study plan by term sits above the materials
    await phone.getByText(`${year}年度委员学习计划`).waitFor();
    await phone.getByText('秋季学期').first().waitFor();
    await phone.getByRole('link', { name: VIDEO }).click();
    await phone.getByText('播放到结尾即记为学完；拖动跳过的部分不计入进度。').waitFor();
    const video = phone.getByLabel(VIDEO, { exact: true });
    await phone.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1);
    // A real length the player knows (a recording is about 3 s; a busy machine records a little less).
    const duration = await video.evaluate((v: HTMLVideoElement) => v.duration);
    expect(duration).toBeGreaterThan(1);
    expect(duration).toBeLessThan(10);
    // Double speed keeps the journey short (the server credits up to 2×). The member presses the player's play button
    // in the middle of the picture (a synthetic touch does not reach Chromium's media controls; a click there does).
    await video.evaluate((v: HTMLVideoElement) => {
      v.playbackRate = 2;
    });
    await video.click();
    await phone.waitForFunction(() => !document.querySelector('video')?.paused, undefined, { timeout: 5_000 });
    await phone.waitForFunction(() => document.querySelector('video')?.ended, undefined, { timeout: 15_000 });
    await phone.getByRole('progressbar', { name: '我的学习进度' }).getByText('已学完').waitFor();
    await phone.reload();
    await phone.getByRole('progressbar', { name: '我的学习进度' }).getByText('已学完').waitFor();
    await phone.getByLabel('心得内容').fill('专题讲座讲清了调研、协商和提案的要求，我将把所学用在今年的专题调研中。');
    await shot(phone, 'learning-video-phone');
    await checkScreen(phone);
    await phone.getByRole('button', { name: '提交心得' }).click();
    await phone.getByText('待审核', { exact: true }).waitFor();

    // The office accepts it from its review list.
    const desk = await signInAndOpen('office_staff', '/learning/manage');
    const row = desk.getByRole('row', { name: new RegExp(VIDEO) });
    await expect.poll(async () => (await row.getByRole('cell').nth(3).textContent())?.trim()).toBe('1');
    await desk.getByRole('tab', { name: '心得审核' }).click();
    await desk.getByRole('link', { name: `学习《${VIDEO}》的体会` }).click();
    await desk.getByRole('button', { name: '审核通过' }).click();
    await desk.getByText('已通过').first().waitFor();

    await phone.reload();
    await phone.getByText('已通过').first().waitFor();
    await phone.goto('/learning');
    const card = phone.getByRole('listitem').filter({ hasText: VIDEO });
    await card.getByText('已学完').waitFor();

    await desk.goto('/learning/manage');
    await desk.getByRole('tab', { name: '完成情况' }).click();
    await desk.getByText('按委员').click();
    const search = desk.getByLabel('查找委员');
    await search.fill(student.me.account.displayName);
    await search.press('Enter');
    await expect.poll(() => desk.getByRole('row').count()).toBe(2);
    const mine = desk
      .getByRole('row')
      .filter({ has: desk.getByRole('cell', { name: student.me.account.displayName, exact: true }) });
    const cells = mine.getByRole('cell');
    await expect
      .poll(async () => (await cells.nth(1).textContent())?.trim())
      .toBe(String(before.materialsFinished + 1));
    expect((await cells.nth(5).textContent())?.trim()).toBe(String(before.reflectionsAccepted + 1));
    await shot(desk, 'learning-video-completion');
    expect(pageErrorsOf(phone)).toEqual([]);
    expect(pageErrorsOf(desk)).toEqual([]);
  });
});
