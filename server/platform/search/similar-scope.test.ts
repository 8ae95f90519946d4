// One rule for similar-item look-ups: members and informants see others' proposals and opinion reports (titles and
// states) only once the office has taken them in (registered / accepted); their own always; staff everything.
import { describe, expect, it } from 'vitest';
import { TEXT, transition } from '../../modules/proposals/test-helpers.ts';
import { type Client, testAppForFile } from '../../test/harness.ts';

const t = testAppForFile({
  liaison: 'liaison_staff',
  proposalStaff: 'proposal_staff',
  writer: 'member030',
  other: 'member031',
  informant: 'informant02',
});

const REPORT = {
  title: '关于规范共享单车停放秩序的建议',
  body: '城区共享单车乱停乱放，挤占人行道和盲道。建议划定共享单车停放区，落实企业管理责任，建立信用惩戒机制。',
  category: '城乡建设',
};
const PROPOSAL = '关于规范共享单车停放秩序的提案建议';

const similarReports = async (c: Client) =>
  (await c.post('/api/opinions/similar', { title: REPORT.title, body: REPORT.body })).body.items.map(
    (r: any) => r.title,
  );
const similarProposals = async (c: Client) =>
  (await c.post('/api/proposals/similar', { title: PROPOSAL, text: TEXT.background })).body.items.map(
    (r: any) => r.title,
  );

/** The writer's REPORT, submitted and not yet screened: its id. */
async function submittedReport(): Promise<number> {
  const res = await t.writer.post('/api/opinions', { ...REPORT, submit: true });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id;
}

describe('opinion reports', () => {
  it('an unscreened report is hidden from other members and informants, shown to its writer and the office', async () => {
    await submittedReport();
    expect(await similarReports(t.other)).not.toContain(REPORT.title);
    expect(await similarReports(t.informant)).not.toContain(REPORT.title);
    expect(await similarReports(t.writer)).toContain(REPORT.title);
    expect(await similarReports(t.liaison)).toContain(REPORT.title);
  });

  it('once accepted by the office, everyone writing sees it', async () => {
    const id = await submittedReport();
    expect((await t.liaison.post(`/api/opinions/${id}/screen`, { decision: 'accept' })).status).toBe(200);
    expect(await similarReports(t.other)).toContain(REPORT.title);
    expect(await similarReports(t.informant)).toContain(REPORT.title);
  });

  it('a declined report stays hidden from others', async () => {
    const res = await t.writer.post('/api/opinions', {
      ...REPORT,
      title: '关于治理共享单车停放乱象的建议',
      submit: true,
    });
    await t.liaison.post(`/api/opinions/${res.body.id}/screen`, { decision: 'decline', comment: '内容重复' });
    expect(await similarReports(t.other)).not.toContain('关于治理共享单车停放乱象的建议');
    expect(await similarReports(t.writer)).toContain('关于治理共享单车停放乱象的建议');
  });
});

describe('proposals follow the same rule', () => {
  it('a submitted proposal is hidden from other members until registered', async () => {
    const res = await t.writer.post('/api/proposals', {
      title: PROPOSAL,
      ...TEXT,
      category: '社会建设',
      submit: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await similarProposals(t.other)).not.toContain(PROPOSAL);
    expect(await similarProposals(t.writer)).toContain(PROPOSAL);
    expect(await similarProposals(t.proposalStaff)).toContain(PROPOSAL);
    await transition(t.proposalStaff, res.body.id, 'preApprove');
    await transition(t.proposalStaff, res.body.id, 'register');
    expect(await similarProposals(t.other)).toContain(PROPOSAL);
  });
});
