// 网络议政 end to end: staff open a discussion and make an invitation link (QR, copy, revoke after confirming); three
// members on 375 px phones and an invited citizen (phone number + one-time code from the development SMS sender's log,
// a wrong code first) write and vote one statement at a time, the citizen then replies under a statement; six more
// members' votes seeded through the API so that two camps exist; staff compute the map (two groups, one consensus
// statement), export the summary to Word (a zip whose word/document.xml holds the topic) and attach it to a draft
// outcome. axe clean, no sideways scrolling.
import fs from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { type ApiClient, apiLogin, okBody } from './api.ts';
import {
  checkScreen,
  chooseOption,
  confirmDialog,
  expectNoA11yViolations,
  newPage,
  type Page,
  pageErrorsOf,
  requestSmsCode,
  shot,
  signInAndOpen,
} from './browser.ts';

const TOPIC = `社区养老服务如何补短板${Date.now() % 100000}`;
const A = ['社区食堂应当全面免费', '养老服务应以政府投入为主'];
const B = ['社区食堂应当按成本收费', '养老服务应以市场运营为主'];
const COMMON = '应当增加社区养老服务人员';
const PHONE = `136${String(Date.now() % 100000000).padStart(8, '0')}`;

/** Votes through the one-statement-at-a-time card until none is left: camp 1 agrees with A, camp −1 with B. */
async function voteAll(page: Page, camp: 1 | -1) {
  for (let i = 0; i < 20; i++) {
    const done = page.getByText(/您已对全部观点表态/);
    const statement = page.getByTestId('statement');
    await Promise.race([done.waitFor(), statement.waitFor()]);
    if (await done.isVisible()) return;
    const text = (await statement.textContent()) ?? '';
    const side = A.includes(text) ? camp : B.includes(text) ? -camp : text === COMMON ? 1 : 0;
    const button = side > 0 ? '赞同' : side < 0 ? '反对' : '跳过';
    await page.getByRole('button', { name: button, exact: true }).click();
    // The next statement (or the thanks) replaces this one.
    await page.waitForFunction((old) => document.querySelector('[data-testid="statement"]')?.textContent !== old, text);
  }
  throw new Error('表态未能完成');
}

describe('网络议政：委员和受邀群众表态 → 意见地图 → 意见汇总附入协商成果', () => {
  let office: ApiClient;
  let id: number;
  let joinPath: string;

  it('工作人员发起讨论并生成邀请链接（二维码、复制、收回需确认）', async () => {
    office = await apiLogin('office_staff');
    const page = await signInAndOpen('office_staff', '/consultations/discussions');
    await page.getByRole('button', { name: '发起网络议政' }).click();
    const dialog = page.locator('.ant-modal:visible').last();
    await dialog.getByLabel('议题').fill(TOPIC);
    await dialog.getByLabel('背景材料').fill('全市 60 岁以上老人占 23%，社区养老服务点覆盖不足一半。');
    await confirmDialog(page, '发起');
    await page.waitForURL(/\/consultations\/discussions\/\d+$/);
    id = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByRole('heading', { name: TOPIC }).waitFor();

    await page.getByRole('tab', { name: '邀请群众' }).click();
    await page.getByRole('button', { name: '生成链接' }).click();
    await page.getByRole('img', { name: '邀请二维码' }).waitFor();
    const link = (await page.getByTestId('invitation-link').textContent()) ?? '';
    joinPath = new URL(link).pathname;
    expect(joinPath).toMatch(/^\/join\/discussion\/[\w-]{16,}$/);
    // A second link, withdrawn after the confirmation: its page then says so in Chinese.
    const spare = okBody(await office.post(`/api/discussions/${id}/invitations`, { days: 3, maxUses: 5 }));
    await page.reload();
    await page.getByRole('tab', { name: '邀请群众' }).click();
    await page.getByText('已用 0 / 5 人').waitFor();
    await page.getByRole('button', { name: '收回' }).first().click();
    await confirmDialog(page, '收回');
    await page.getByText('已收回', { exact: true }).first().waitFor();
    await expectNoA11yViolations(page);
    await shot(page, 'discussion-invitations');
    expect(pageErrorsOf(page)).toEqual([]);

    const gone = await newPage({ mobile: true });
    await gone.goto(`/join/discussion/${spare.token}`);
    await gone.getByText('邀请链接已失效，请联系工作人员').waitFor();
  });

  it('三位委员在手机上写观点并逐条表态，另有六位委员的表态经接口写入', async () => {
    const writers = [await apiLogin('member024'), await apiLogin('member025')];
    for (const body of A) okBody(await writers[0].post(`/api/discussions/${id}/statements`, { body }));
    for (const body of B) okBody(await writers[1].post(`/api/discussions/${id}/statements`, { body }));

    const phones = ['member021', 'member022', 'member023'];
    const pages: Page[] = [];
    for (const u of phones) {
      const p = await signInAndOpen(u, `/consultations/discussions/${id}`, { mobile: true });
      pages.push(p);
    }
    // The first member writes the statement everyone will agree on, through the page.
    await pages[0].getByLabel('观点').fill(COMMON);
    await pages[0].getByRole('button', { name: '发表观点' }).click();
    await pages[0].getByText('观点已发表').waitFor();

    // Seeded votes: members 024–026 in camp A, 027–029 in camp B (the writers' own statements count as agree).
    const list = okBody(await office.get(`/api/discussions/${id}/statements`)).items as { id: number; body: string }[];
    const sid = (body: string) => list.find((s) => s.body === body)!.id;
    const seeded = [
      ...writers,
      ...(await Promise.all(['member026', 'member027', 'member028', 'member029'].map((u) => apiLogin(u)))),
    ];
    const camps = [1, -1, 1, -1, -1, 1];
    await Promise.all(
      seeded.map(async (c, i) => {
        for (const body of [...A, ...B, COMMON]) {
          const side = A.includes(body) ? camps[i] : B.includes(body) ? -camps[i] : 1;
          okBody(
            await c.put(`/api/discussions/${id}/statements/${sid(body)}/vote`, {
              vote: side > 0 ? 'agree' : 'disagree',
            }),
          );
        }
      }),
    );

    await Promise.all(pages.map((p, i) => voteAll(p, i === 1 ? -1 : 1)));
    const p = pages[2];
    await p.getByRole('tab', { name: '全部观点' }).click();
    await p.getByText(COMMON).waitFor();
    await checkScreen(p, 'discussion-member-phone');
    for (const page of pages) expect(pageErrorsOf(page)).toEqual([]);
  });

  it('受邀群众扫码（不登录账号），用手机验证码进入后逐条表态、写观点并回复评论', async () => {
    const phone = await newPage({ mobile: true });
    await phone.goto(joinPath);
    await phone.getByRole('heading', { name: TOPIC }).waitFor();
    await phone.getByText(/社区养老服务点覆盖不足一半/).waitFor();
    await phone.getByLabel('手机号码').fill(PHONE);
    const code = await requestSmsCode(phone.getByRole('button', { name: '获取验证码' }));
    await phone.getByLabel('验证码').fill(code === '000000' ? '111111' : '000000');
    await phone.getByRole('button', { name: '验证并参与' }).click();
    await phone.getByText('验证码不正确').waitFor();
    await phone.getByLabel('验证码').fill(code);
    await phone.mouse.move(0, 0);
    await checkScreen(phone, 'discussion-join-phone');
    await phone.getByRole('button', { name: '验证并参与' }).click();
    await voteAll(phone, 1);
    await phone.getByLabel('观点').fill('建议开通养老服务热线');
    await phone.getByRole('button', { name: '发表观点' }).click();
    await phone.getByText('观点已发表').waitFor();
    await checkScreen(phone, 'discussion-citizen-phone');
    // All statements with their comments: the citizen replies under one and sees the reply.
    await phone.getByRole('tab', { name: '全部观点' }).click();
    const card = phone.locator('.ant-card:visible', { hasText: COMMON });
    await card.getByLabel('评论').fill('服务人员要经过专业培训');
    await card.getByRole('button', { name: '发送', exact: true }).click();
    await card.getByText('服务人员要经过专业培训').waitFor();
    await checkScreen(phone);
    expect(pageErrorsOf(phone)).toEqual([]);
    const staffList = okBody(await office.get(`/api/discussions/${id}/statements`)).items;
    expect(staffList.find((s: any) => s.body === '建议开通养老服务热线').author).toBe('受邀群众');
    const comments = okBody(await office.get(`/api/discussions/${id}/comments`)).items;
    const reply = comments.find((c: any) => c.body === '服务人员要经过专业培训');
    expect([reply.author, reply.statementId]).toEqual(['受邀群众', staffList.find((s: any) => s.body === COMMON).id]);
  });

  it('工作人员更新意见地图（两组、一条共识），导出 Word 并附入协商成果', async () => {
    const outcome = okBody(
      await office.post('/api/consultation-outcomes', {
        kind: '建议案',
        title: `${TOPIC}的建议`,
        body: '根据网络议政意见汇总形成。',
      }),
    );
    const page = await signInAndOpen('office_staff', `/consultations/discussions/${id}`);
    await page.getByRole('tab', { name: '意见地图' }).click();
    await page.getByRole('button', { name: '立即更新意见地图' }).click();
    await page.getByText(/分为 2 组/).waitFor({ timeout: 30_000 });
    await page.getByRole('img', { name: /意见地图：2组/ }).waitFor();
    const consensus = page.locator('.ant-card').filter({ hasText: '共识：各组多数赞同' });
    await consensus.getByText(COMMON).waitFor();
    await expectNoA11yViolations(page);
    await shot(page, 'discussion-map');

    await page.getByRole('link', { name: '意见汇总' }).click();
    await page.getByLabel('意见汇总').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Word' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`网络议政意见汇总-${TOPIC}.docx`);
    const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
    expect(await zip.file('word/document.xml')!.async('string')).toContain(TOPIC);

    await chooseOption(page, '协商成果', `${TOPIC}的建议`);
    await page.getByRole('button', { name: '附入成果' }).click();
    await page.getByText('已附入协商成果').waitFor();
    await page.getByRole('link', { name: '协商成果' }).waitFor();
    await expectNoA11yViolations(page);
    expect(okBody(await office.get(`/api/discussions/${id}/summary`)).outcomeId).toBe(outcome.id);
    expect(pageErrorsOf(page)).toEqual([]);
  });
});
