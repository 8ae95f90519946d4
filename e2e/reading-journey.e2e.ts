// 书香政协: the lead reader of the demo's reading group, on a 375 px phone, schedules an online sharing session on the
// rota (who shares, when) → a member of the group, on a phone, writes a reading note in the group's thread → the lead
// sees it and likes it. Before that, office staff on a phone create a reading group and a quarter's book list through
// the page's dialogs. Each screen passes axe and does not scroll sideways.
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api.ts';
import {
  beijingToday,
  checkScreen,
  chooseOption,
  expectNoHorizontalOverflow,
  pageErrorsOf,
  pickDate,
  shot,
  signInAndOpen,
} from './browser.ts';

const GROUP = '“书香政协”经济界别读书群';
const TOPIC = `《乡土中国》第${Date.now() % 1000}期分享`;
const NOTE = '读《乡土中国》：礼治秩序与乡村振兴';

function inAWeek(): string {
  const d = new Date(`${beijingToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7);
  return `${d.toISOString().slice(0, 10)} 19:30:00`;
}

describe('书香政协：领读人安排轮值分享 → 委员发读书笔记', () => {
  it('办公室工作人员在手机上新建读书群和季度书目', async () => {
    const [lead, member] = await Promise.all([apiLogin('member261'), apiLogin('member262')]);
    const leadName: string = lead.me.account.displayName;
    const memberName: string = member.me.account.displayName;
    const year = beijingToday().slice(0, 4);
    const group = `新时代文史读书群${Date.now() % 1000}`;
    const list = `${year}年第四季度文史推荐书目`;

    const office = await signInAndOpen('office_staff', '/reading', { mobile: true });
    await office.getByRole('button', { name: '新建读书群' }).click();
    const groupDialog = office.getByRole('dialog', { name: '新建读书群' });
    await groupDialog.getByRole('button', { name: '保存' }).click();
    await groupDialog.getByText('请填写读书群名称').waitFor();
    await groupDialog.getByLabel('读书群名称').fill(group);
    await chooseOption(office, '领读人', leadName, 'member261');
    await chooseOption(office, '成员', memberName, 'member262');
    await groupDialog.getByLabel('简介').fill('每月共读一本文史书籍，\n线上轮值分享。');
    await checkScreen(office);
    await groupDialog.getByRole('button', { name: '保存' }).click();
    await office.getByText('已新建读书群').waitFor();
    await office.getByRole('link', { name: group }).waitFor();
    await expect(office.getByRole('listitem').filter({ hasText: group }).textContent()).resolves.toContain(
      `领读人 ${leadName} · 2 人`,
    );

    await office.getByRole('button', { name: '新建书目' }).click();
    const listDialog = office.getByRole('dialog', { name: '新建书目' });
    await listDialog.getByText('按季度').click();
    await chooseOption(office, '期次', `${year}年第4季度`);
    await listDialog.getByLabel('书目名称').fill(list);
    await listDialog.getByLabel('书名', { exact: true }).fill('乡土中国');
    await listDialog.getByLabel('作者', { exact: true }).fill('费孝通');
    await listDialog.getByRole('button', { name: '添加一本' }).click();
    await listDialog.getByRole('button', { name: '保存' }).click();
    await listDialog.getByText('请填写书名').waitFor();
    await listDialog.getByLabel('书名', { exact: true }).nth(1).fill('万历十五年');
    await listDialog.getByLabel('推荐语', { exact: true }).nth(1).fill('以一年见一代，\n读懂制度与人。');
    // A reload loses nothing: the dialog offers back the period, the title and both book rows.
    await office.reload();
    await office.getByRole('button', { name: '新建书目' }).click();
    await listDialog.getByTestId('draft-offer').waitFor();
    await listDialog.getByRole('button', { name: '恢复这些内容' }).click();
    await expect(listDialog.getByLabel('书目名称').inputValue()).resolves.toBe(list);
    await expect(listDialog.getByLabel('书名', { exact: true }).nth(0).inputValue()).resolves.toBe('乡土中国');
    await expect(listDialog.getByLabel('作者', { exact: true }).nth(0).inputValue()).resolves.toBe('费孝通');
    await expect(listDialog.getByLabel('书名', { exact: true }).nth(1).inputValue()).resolves.toBe('万历十五年');
    await expect(listDialog.getByLabel('推荐语', { exact: true }).nth(1).inputValue()).resolves.toBe(
      '以一年见一代，\n读懂制度与人。',
    );
    await listDialog.getByText(`${year}年第4季度`).waitFor();
    await checkScreen(office);
    await listDialog.getByRole('button', { name: '保存' }).click();
    await office.getByText('已新建书目').waitFor();
    await office.getByText(`${year}-Q4 ${list}`).waitFor();
    await office.getByText('《万历十五年》').waitFor();
    // Saved: the draft is gone, the dialog opens empty.
    await office.getByRole('button', { name: '新建书目' }).click();
    await expect(listDialog.getByLabel('书目名称').inputValue()).resolves.toBe('');
    expect(await listDialog.getByTestId('draft-offer').count()).toBe(0);
    await listDialog.getByRole('button', { name: /取\s*消/ }).click();
    await expectNoHorizontalOverflow(office);
    await shot(office, 'reading-staff-new-phone');
    expect(pageErrorsOf(office)).toEqual([]);
  });

  it('领读人在手机上安排一场轮值分享，委员在群里发读书笔记', async () => {
    const reader = await apiLogin('member262');
    const readerName: string = reader.me.account.displayName;

    const lead = await signInAndOpen('member261', '/reading', { mobile: true });
    await lead.getByRole('link', { name: GROUP }).click();
    await lead.getByLabel('分享主题').fill(TOPIC);
    await pickDate(lead, '分享时间', inAWeek());
    await chooseOption(lead, '轮值分享人', readerName);
    await lead.getByRole('button', { name: '安排分享' }).click();
    await lead.getByText(TOPIC).waitFor();
    await checkScreen(lead, 'reading-session-phone');

    const member = await signInAndOpen('member262', '/reading', { mobile: true });
    await member.getByRole('link', { name: GROUP }).click();
    await member.getByText(TOPIC).waitFor();
    await member.getByLabel('笔记标题').fill(NOTE);
    await member
      .getByLabel('笔记内容')
      .fill('费孝通先生讲“礼治秩序”，乡土社会靠传统和习惯维持秩序。\n今天推进乡村振兴，要把德治和法治结合起来。');
    await member.getByRole('button', { name: '发布笔记' }).click();
    await member.getByText('已发布').first().waitFor();
    await member.getByText(NOTE).waitFor();
    await checkScreen(member, 'reading-note-phone');

    await lead.reload();
    const note = lead.getByRole('listitem').filter({ hasText: NOTE });
    await note.getByRole('button', { name: /^赞/ }).click();
    await note.getByRole('button', { name: '赞 1', pressed: true }).waitFor();
    expect(pageErrorsOf(lead)).toEqual([]);
    expect(pageErrorsOf(member)).toEqual([]);
  });
});
