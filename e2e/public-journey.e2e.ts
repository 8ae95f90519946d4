// The committee's public site on 375 px phones: a citizen opens /public/c/110100 without signing in, reads a news item
// and a public proposal's reply, and asks a question in a studio's reception (委员会客室) with a one-time code; the
// member on duty answers on their phone (今日值班); the answer shows on the studio's public page. Axe clean, no overflow.
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api.ts';
import { baseUrl, beijingToday, checkScreen, newPage, pageErrorsOf, requestSmsCode, signInAndOpen } from './browser.ts';

const CODE = '110100';
const STAMP = Date.now() % 100000;
const NEWS = `旅程新闻：委员走进社区听民声${STAMP}`;
const STUDIO = `旅程委员工作室${STAMP}`;
const QUESTION = `社区老年食堂周末开不开？${STAMP}`;
const ANSWER = '周末正常营业，午餐十一点开始供应。';
const PHONE = `136${String(Date.now() % 100000000).padStart(8, '0')}`;

describe('门户网站：群众阅读新闻和提案答复，在委员会客室提问 → 值班委员手机答复 → 公开页显示', () => {
  let studioPath: string;
  let studioId: number;
  let reply = '';

  it('群众（不登录）在手机上阅读新闻和公开提案的答复', async () => {
    const office = await apiLogin('office_staff');
    const n = await office.post('/api/public-site/news', {
      kind: 'news',
      title: NEWS,
      body: '委员们走进社区，面对面听取群众意见。',
    });
    expect(n.status, JSON.stringify(n.body)).toBe(200);
    expect((await office.post(`/api/public-site/news/${n.body.id}/publish`)).status).toBe(200);
    const onDuty = await apiLogin('member060');
    const other = await apiLogin('member061');
    const ids = [onDuty.me.account.memberId, other.me.account.memberId];
    const s = await office.post('/api/grassroots/studios', {
      name: STUDIO,
      kind: 'personal',
      leaderMemberId: ids[0],
      memberIds: ids,
    });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const rota = await office.put(`/api/grassroots/studios/${s.body.id}/rota`, {
      entries: [{ date: beijingToday(), memberId: ids[0] }],
    });
    expect(rota.status, JSON.stringify(rota.body)).toBe(200);
    studioId = s.body.id;
    studioPath = new URL((await office.get(`/api/grassroots/studios/${s.body.id}`)).body.publicUrl).pathname;
    // The demo made answered proposals public with their replies (server/seed/demo-public.ts).
    const pub = await (await fetch(`${baseUrl()}/api/public/c/${CODE}/proposals`)).json();
    expect(
      pub.items.some((p: any) => p.replies.length > 0),
      JSON.stringify(pub),
    ).toBe(true);

    const phone = await newPage({ mobile: true });
    await phone.goto(`/public/c/${CODE}`);
    await phone.getByRole('heading', { name: '示例市政协' }).waitFor();
    await phone.getByRole('link', { name: new RegExp(NEWS) }).waitFor();
    const first = phone.locator('text=/答复：/').first();
    await first.waitFor();
    const line = (await first.textContent()) ?? '';
    reply = line;
    expect(line.length).toBeGreaterThan(10);
    await checkScreen(phone, 'public-home-phone');
    await phone.getByRole('link', { name: new RegExp(NEWS) }).click();
    await phone.getByText('委员们走进社区，面对面听取群众意见。').waitFor();
    await checkScreen(phone);
    expect(pageErrorsOf(phone)).toEqual([]);
  });

  it('群众在工作室公开页向值班委员提问', async () => {
    const phone = await newPage({ mobile: true });
    await phone.goto(studioPath);
    await phone.getByRole('heading', { name: STUDIO }).waitFor();
    await phone.getByText(/今日值班委员：/).waitFor();
    const card = phone.locator('.ant-card', { hasText: '委员会客室' });
    await card.getByLabel('我要提问').fill(QUESTION);
    await card.getByLabel('手机号码').fill(PHONE);
    const code = await requestSmsCode(card.getByRole('button', { name: '获取验证码' }));
    await card.getByLabel('验证码').fill(code);
    await phone.mouse.move(0, 0);
    await checkScreen(phone);
    await card.getByRole('button', { name: '提交问题' }).click();
    await phone.getByText('问题已提交').waitFor();
    expect(pageErrorsOf(phone)).toEqual([]);
  });

  it('办公室工作人员在手机上打开工作室：值班安排和群众提问', async () => {
    const phone = await signInAndOpen('office_staff', `/grassroots/studios/${studioId}`, { mobile: true });
    const rota = phone.locator('.ant-card', { hasText: '值班安排' });
    await rota.waitFor();
    const questions = phone.locator('.ant-card', { hasText: '群众提问' });
    await questions.getByText(QUESTION).waitFor();
    await questions.getByText('待答复').first().waitFor();
    // Tomorrow to the second member of the studio, then saved with the rest of the fortnight.
    await rota
      .getByLabel(/值班委员$/)
      .nth(1)
      .click();
    await phone.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(1).click();
    await phone.mouse.move(0, 0);
    await checkScreen(phone, 'studio-rota-phone');
    await rota.getByRole('button', { name: '保存' }).click();
    await phone.getByText('值班安排已保存').waitFor();
    const office = await apiLogin('office_staff');
    const to = new Date(Date.now() + 8 * 3600_000 + 13 * 86400_000).toISOString().slice(0, 10);
    const saved = await office.get(`/api/grassroots/studios/${studioId}/rota?from=${beijingToday()}&to=${to}`);
    expect(saved.body.items.length, JSON.stringify(saved.body)).toBe(2);
    expect(pageErrorsOf(phone)).toEqual([]);
  });

  it('值班委员在手机上答复，答复显示在工作室公开页', async () => {
    const phone = await signInAndOpen('member060', '/grassroots/reception', { mobile: true });
    await phone.getByText(QUESTION).waitFor();
    await phone.getByLabel(`答复：${QUESTION.slice(0, 20)}`).fill(ANSWER);
    await checkScreen(phone, 'public-reception-member-phone');
    await phone.getByRole('button', { name: '提交答复' }).click();
    await phone.getByText(`答：${ANSWER}`).waitFor();
    expect(pageErrorsOf(phone)).toEqual([]);

    const citizen = await newPage({ mobile: true });
    await citizen.goto(studioPath);
    await citizen.getByText(`答：${ANSWER}`).waitFor();
    await citizen.getByText(`问：${QUESTION}`).waitFor();
    await checkScreen(citizen, 'public-studio-answer-phone');
    expect(reply).toContain('答复');
  });
});
