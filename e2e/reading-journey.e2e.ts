// 书香政协: the lead reader of the demo's reading group, on a 375 px phone, schedules an online sharing session on the
// rota (who shares, when) → a member of the group, on a phone, writes a reading note in the group's thread → the lead
// sees it and likes it. Each screen passes axe and does not scroll sideways.
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api.ts';
import {
  beijingToday,
  chooseOption,
  expectNoA11yViolations,
  expectNoHorizontalOverflow,
  loginAs,
  newPage,
  pageErrorsOf,
  pickDate,
  shot,
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
  it('领读人在手机上安排一场轮值分享，委员在群里发读书笔记', async () => {
    const reader = await apiLogin('member262');
    const readerName: string = reader.me.account.displayName;

    const lead = await newPage({ mobile: true });
    await loginAs(lead, 'member261');
    await lead.goto('/reading');
    await lead.getByRole('link', { name: GROUP }).click();
    await lead.getByLabel('分享主题').fill(TOPIC);
    await pickDate(lead, '分享时间', inAWeek());
    await chooseOption(lead, '轮值分享人', readerName);
    await lead.getByRole('button', { name: '安排分享' }).click();
    await lead.getByText(TOPIC).waitFor();
    await expectNoHorizontalOverflow(lead);
    await expectNoA11yViolations(lead);
    await shot(lead, 'reading-session-phone');

    const member = await newPage({ mobile: true });
    await loginAs(member, 'member262');
    await member.goto('/reading');
    await member.getByRole('link', { name: GROUP }).click();
    await member.getByText(TOPIC).waitFor();
    await member.getByLabel('笔记标题').fill(NOTE);
    await member
      .getByLabel('笔记内容')
      .fill('费孝通先生讲“礼治秩序”，乡土社会靠传统和习惯维持秩序。\n今天推进乡村振兴，要把德治和法治结合起来。');
    await member.getByRole('button', { name: '发布笔记' }).click();
    await member.getByText('已发布').first().waitFor();
    await member.getByText(NOTE).waitFor();
    await expectNoHorizontalOverflow(member);
    await expectNoA11yViolations(member);
    await shot(member, 'reading-note-phone');

    await lead.reload();
    const note = lead.getByRole('listitem').filter({ hasText: NOTE });
    await note.getByRole('button', { name: /^赞/ }).click();
    await note.getByRole('button', { name: '赞 1', pressed: true }).waitFor();
    expect(pageErrorsOf(lead)).toEqual([]);
    expect(pageErrorsOf(member)).toEqual([]);
  });
});
