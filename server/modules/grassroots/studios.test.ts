// Member studios and micro suggestions through the routes: the register with kinds, leader and members; a suggestion
// answered by a studio member, one forwarded to a unit with a working-day deadline and answered, one turned into the
// member's own proposal draft with the text carried over; who may handle what.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, beijingToday } from '../../platform/dates.ts';
import { query, queryOne } from '../../platform/db/client.ts';
import { okBody, testAppForFile } from '../../test/harness.ts';

const t = testAppForFile({
  office: 'office_staff',
  leaderMember: 'member030',
  raiser: 'member031',
  outsider: 'member032',
  unit: 'unit01',
});
let ids: Record<string, number>;
let unitId: number;

beforeAll(async () => {
  const rows = await query<{ username: string; member_id: number }>(
    t.database.db,
    sql`select username, member_id from accounts where username in ('member030', 'member031')`,
  );
  ids = Object.fromEntries(rows.map((r) => [r.username, r.member_id]));
  unitId = (await queryOne<{ unit_id: number }>(
    t.database.db,
    sql`select unit_id from accounts where username = 'unit01'`,
  ))!.unit_id;
});

/** A sector studio led by member030 (its only member), registered by the office: its id. */
async function studioOf030(name: string): Promise<number> {
  const body = { name, kind: 'sector', leaderMemberId: ids.member030, memberIds: [ids.member030] };
  return (await okBody(await t.office.post('/api/grassroots/studios', body))).id;
}

describe('member studios and micro suggestions', () => {
  it('staff register studios of the four kinds with a leader, members and a QR code', async () => {
    const bad = await t.office.post('/api/grassroots/studios', { name: '某工作室', kind: 'village' });
    expect(bad.status).toBe(400);
    const studioId = (
      await okBody(
        await t.office.post('/api/grassroots/studios', {
          name: '高新园区委员工作室',
          kind: 'park',
          place: '高新区创业大厦',
          leaderMemberId: ids.member030,
          memberIds: [ids.member030],
        }),
      )
    ).id;
    await okBody(await t.office.post('/api/grassroots/studios', { name: '张委员个人工作室', kind: 'personal' }));
    const list = await okBody(await t.raiser.get('/api/grassroots/studios?kind=park'));
    expect(list.items.map((s: any) => [s.name, s.kindLabel, s.leaderName])).toEqual([
      ['高新园区委员工作室', '园区委员工作室', expect.any(String)],
    ]);
    const one = await okBody(await t.raiser.get(`/api/grassroots/studios/${studioId}`));
    expect(one.qrSvg).toContain('<svg');
    expect(one.publicUrl).toMatch(/\/public\/studios\//);
    expect((await t.raiser.post('/api/grassroots/studios', { name: 'x', kind: 'park' })).status).toBe(403);
  });

  it('a suggestion is answered by the studio, not by an outsider; the raiser is told', async () => {
    const studioId = await studioOf030('园区界别委员工作室');
    const none = await t.raiser.post('/api/grassroots/suggestions', { title: '路灯', body: '园区路灯不亮' });
    expect([none.status, none.body.message]).toEqual([400, '请选择一个委员工作室或协商议事室']);
    const id = (
      await okBody(
        await t.raiser.post('/api/grassroots/suggestions', { studioId, title: '园区路灯', body: '园区东路路灯不亮' }),
      )
    ).id;
    expect(
      (await t.outsider.post(`/api/grassroots/suggestions/${id}/actions`, { action: 'answer', answer: '好' })).status,
    ).toBe(403);
    const empty = await t.leaderMember.post(`/api/grassroots/suggestions/${id}/actions`, { action: 'answer' });
    expect([empty.status, empty.body.message]).toEqual([400, '请填写「答复」']);
    await okBody(
      await t.leaderMember.post(`/api/grassroots/suggestions/${id}/actions`, {
        action: 'answer',
        answer: '已联系园区物业修复',
      }),
    );
    const notes = await okBody(await t.raiser.get('/api/notifications'));
    expect(notes.items.map((n: any) => n.title)).toContain('您的微建议已答复：园区路灯');
    const mine = await okBody(await t.raiser.get('/api/grassroots/suggestions'));
    expect(mine.items[0]).toMatchObject({ title: '园区路灯', stateLabel: '已答复', answer: '已联系园区物业修复' });
  });

  it('a suggestion forwarded to a unit gets a working-day deadline and the unit answers it', async () => {
    const studioId = await studioOf030('交通界别委员工作室');
    const id = (
      await okBody(
        await t.raiser.post('/api/grassroots/suggestions', { studioId, title: '公交线路', body: '园区缺少公交线路' }),
      )
    ).id;
    const r = await okBody(
      await t.office.post(`/api/grassroots/suggestions/${id}/actions`, { action: 'forward', unitId }),
    );
    expect(r.dueOn).toBe(await addWorkingDays(t.database.db, 1, beijingToday(), 10));
    const forwarded = await okBody(await t.unit.get('/api/grassroots/suggestions'));
    expect(forwarded.items.map((g: any) => g.title)).toEqual(['公交线路']);
    await okBody(
      await t.unit.post(`/api/grassroots/suggestions/${id}/response`, { feedback: '将于下季度开通园区专线' }),
    );
    const again = await t.unit.post(`/api/grassroots/suggestions/${id}/response`, { feedback: '再答' });
    expect(again.status).toBe(409);
    const row = await queryOne<{ state: string; unit_response: string }>(
      t.database.db,
      sql`select state, unit_response from grassroots_suggestions where id = ${id}`,
    );
    expect(row).toEqual({ state: 'fedBack', unit_response: '将于下季度开通园区专线' });
  });

  it('a studio member turns a suggestion into their own proposal draft, the text carried over', async () => {
    const studioId = await studioOf030('住房界别委员工作室');
    const id = (
      await okBody(
        await t.raiser.post('/api/grassroots/suggestions', {
          studioId,
          title: '关于园区人才公寓建设的建议',
          body: '园区青年人才住房困难',
        }),
      )
    ).id;
    const r = await okBody(
      await t.leaderMember.post(`/api/grassroots/suggestions/${id}/actions`, { action: 'draftProposal' }),
    );
    expect(r.state).toBe('drafted');
    const p = await okBody(await t.leaderMember.get(`/api/proposals/${r.proposalId}`));
    expect(p).toMatchObject({ title: '关于园区人才公寓建设的建议', state: 'draft' });
    expect(p.background).toContain('园区青年人才住房困难');
    expect(
      (await t.office.post(`/api/grassroots/suggestions/${id}/actions`, { action: 'answer', answer: 'x' })).status,
    ).toBe(409);
  });
});
