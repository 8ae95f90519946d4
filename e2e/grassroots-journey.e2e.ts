// 协商议事室 on 375 px phones: staff see the room register; a resident opens the room's QR page without signing in,
// gets a one-time code (the development sender writes it, phone masked, to the server log), raises a topic and follows
// it on their own topic page; the executive convener accepts it and the resident sees 已受理 (axe clean, no overflow).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api.ts';
import { checkScreen, newPage, pageErrorsOf, requestSmsCode, SERVER_LOG, signInAndOpen } from './browser.ts';

const NAME = `旅程社区协商议事室${Date.now() % 100000}`;
const PHONE = `137${String(Date.now() % 100000000).padStart(8, '0')}`;

describe('协商议事室：群众扫码提议题 → 召集人受理', () => {
  let roomId: number;
  let publicPath: string;

  it('工作人员在手机上查看议事室名册', async () => {
    const office = await apiLogin('office_staff');
    const convener = await apiLogin('member050');
    const r = await office.post('/api/grassroots/rooms', {
      name: NAME,
      township: '旅程街道',
      village: '旅程社区',
      firstConvener: '赵书记',
      execConvenerMemberId: convener.me.account.memberId,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    roomId = r.body.id;
    publicPath = new URL((await office.get(`/api/grassroots/rooms/${roomId}`)).body.publicUrl).pathname;

    const phone = await signInAndOpen('office_staff', `/grassroots/rooms?q=${encodeURIComponent('旅程街道')}`, {
      mobile: true,
    });
    await phone.getByRole('link', { name: NAME }).click();
    await phone.getByRole('img', { name: `${NAME}二维码` }).waitFor();
    await checkScreen(phone, 'grassroots-room-phone');
    expect(pageErrorsOf(phone)).toEqual([]);
  });

  it('群众扫码（不登录）提出议题，并在自己的议题页看到受理结果', async () => {
    const phone = await newPage({ mobile: true });
    await phone.goto(publicPath);
    await phone.getByRole('heading', { name: NAME }).waitFor();
    await phone.getByLabel('议题').fill('旅程社区夜间路灯不亮');
    await phone.getByLabel('具体内容').fill('小区东门到菜场一段路灯坏了两个月。');
    await phone.getByLabel('手机号码').fill(PHONE);
    const code = await requestSmsCode(phone.getByRole('button', { name: '获取验证码' }));
    expect(fs.readFileSync(SERVER_LOG, 'utf8')).not.toContain(PHONE);
    await phone.getByLabel('验证码').fill(code);
    // The pointer left on 获取验证码 keeps it in its hover colour; a resident's finger does not hover.
    await phone.mouse.move(0, 0);
    await checkScreen(phone, 'grassroots-public-room-phone');
    await phone.getByRole('button', { name: '提交', exact: true }).click();
    await phone.getByText('已提交，感谢您的参与').waitFor();
    await phone.getByRole('link', { name: /查看办理进展/ }).click();
    await phone.getByText(/待受理/).waitFor();

    const convener = await apiLogin('member050');
    const topics = await convener.get(`/api/grassroots/topics?roomId=${roomId}`);
    const res = await convener.post(`/api/grassroots/topics/${topics.body.items[0].id}/answer`, { action: 'accept' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await phone.reload();
    await phone.getByText(/已受理/).waitFor();
    await checkScreen(phone, 'grassroots-public-topic-phone');
    expect(pageErrorsOf(phone)).toEqual([]);
  });
});
