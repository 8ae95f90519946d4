// Across committee levels: a county report forwarded to the city lands in the city's own queue; the city's adoption
// and instruction flow back to the county's row, its liaison office and the member. Tenancy holds both ways.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { query, queryOne } from '../../platform/db/client.ts';
import { sharedFixture } from '../../test/fixtures.ts';
import { type Client, testAppForFile } from '../../test/harness.ts';
import { count, ELEVATOR, SCHOOL } from './test-helpers.ts';
import { chinaToday } from './workflow.ts';

const t = testAppForFile({
  countyMember: 'county_member001',
  countyStaff: 'county_liaison_staff',
  countyLeader: 'county_leader',
  cityStaff: 'liaison_staff',
  cityMember: 'member001',
});
const today = chinaToday();

const db = () => t.database.db;
const notices = async (c: Client) => (await c.get('/api/notifications?pageSize=100')).body.items as any[];

/**
 * The county member's elevator report, accepted and edited by the county office, issued and forwarded to the city and
 * the county Party committee, and the school report kept in the county: their ids and the forward response (made once
 * per file: the city counts what it received).
 */
const forwardedReport = sharedFixture(async () => {
  const countyId: number = (await t.countyMember.post('/api/opinions', { ...ELEVATOR, submit: true })).body.id;
  const privateCountyId: number = (await t.countyMember.post('/api/opinions', { ...SCHOOL, submit: true })).body.id;
  await t.countyStaff.post(`/api/opinions/${countyId}/screen`, { decision: 'accept' });
  await t.countyStaff.put(`/api/opinions/${countyId}/edited`, {
    editedTitle: '县域老旧小区加装电梯难题亟待破解',
    editedBody: '县联络委编辑稿：建议出台费用分摊指导意见，设立专项补贴。',
  });
  const issue = (await t.countyStaff.post('/api/opinions/issues', {})).body;
  await t.countyStaff.post(`/api/opinions/issues/${issue.id}/reports`, { reportIds: [countyId] });
  await t.countyStaff.post(`/api/opinions/issues/${issue.id}/issue`, {});
  const forward = await t.countyStaff.post(`/api/opinions/issues/${issue.id}/forward`, {
    targets: [{ kind: 'higher' }, { kind: 'party' }],
  });
  return { countyId, privateCountyId, forward };
});

/** The city's copy of forwardedReport: its id in the city tenant. */
async function cityCopy(): Promise<number> {
  await forwardedReport();
  return (await t.cityStaff.get('/api/opinions?fromLower=true')).body.items[0].id;
}

/** cityCopy, accepted by the city unless it is already: its id. */
async function acceptedCopy(): Promise<number> {
  const cityRowId = await cityCopy();
  if ((await t.cityStaff.get(`/api/opinions/${cityRowId}`)).body.state === 'submitted') {
    await t.cityStaff.post(`/api/opinions/${cityRowId}/screen`, { decision: 'accept' });
  }
  return cityRowId;
}

/**
 * acceptedCopy, adopted at city level and instructed by a vice-governor: the two responses (made once per file: the
 * figures count them).
 */
const recordedByCity = sharedFixture(async () => {
  const cityRowId = await acceptedCopy();
  const adoption = await t.cityStaff.post(`/api/opinions/${cityRowId}/adoptions`, { level: 'city', adoptedOn: today });
  const instruction = await t.cityStaff.post(`/api/opinions/${cityRowId}/instructions`, {
    leaderName: '李华',
    leaderTitle: '副省长',
    leaderOrgan: 'government',
    level: 'province',
    instructedOn: today,
    text: '请省住建厅会同有关部门研究。',
  });
  return { adoption, instruction };
});

describe('forwarding a county report to the city', () => {
  it('creates a row in the city tenant, in its screening queue, marked as from the lower committee', async () => {
    const { countyId, forward: res } = await forwardedReport();
    expect(res.body).toEqual({ forwarded: 1 });
    const forwards = (await t.countyStaff.get(`/api/opinions/${countyId}`)).body.forwards;
    expect(forwards.map((f: any) => [f.targetKind, f.targetName])).toEqual([
      ['higher', '示例市政协'],
      ['party', '中共县委'],
    ]);
    const again = await t.countyStaff.post(`/api/opinions/${countyId}/forward`, { targets: [{ kind: 'higher' }] });
    expect(again).toMatchObject({ status: 409, body: { error: 'opinion.already_forwarded' } });

    const city = (await t.cityStaff.get('/api/opinions?fromLower=true')).body;
    expect(city.total).toBe(1);
    const cityRowId = city.items[0].id;
    expect(city.items[0]).toMatchObject({
      title: '县域老旧小区加装电梯难题亟待破解',
      state: 'submitted',
      submitterKind: 'lower',
      submitterKindLabel: '下级政协',
      originCommitteeName: '示例县政协',
    });
    const row = await queryOne<any>(
      db(),
      sql`select r.committee_id, c.name, r.origin_report_id, r.body from opinion_reports r join committees c on c.id = r.committee_id where r.id = ${cityRowId}`,
    );
    expect(row).toEqual({
      committee_id: t.cityStaff.me.committee.id,
      name: '示例市政协',
      origin_report_id: countyId,
      body: '县联络委编辑稿：建议出台费用分摊指导意见，设立专项补贴。',
    });
    const d = (await t.cityStaff.get(`/api/opinions/${cityRowId}`)).body;
    expect(d).toMatchObject({
      fromLower: true,
      originCommitteeName: '示例县政协',
      originSubmitterName: t.countyMember.me.account.displayName,
    });
    expect(d.timeline[0]).toMatchObject({
      action: 'receive',
      label: '收到下级政协报送',
      actorName: `示例县政协 ${t.countyStaff.me.account.displayName}`,
    });
    expect(
      (await notices(t.cityStaff)).some(
        (n) => n.title === `收到示例县政协报送的社情民意信息：县域老旧小区加装电梯难题亟待破解`,
      ),
    ).toBe(true);
    // audited in each committee's own chain
    expect(
      await count(db(), 'audit_log', sql`committee_id = ${t.cityStaff.me.committee.id} and action = 'opinion.receive'`),
    ).toBe(1);
    expect(
      await count(
        db(),
        'audit_log',
        sql`committee_id = ${t.countyStaff.me.committee.id} and action = 'opinion.forward'`,
      ),
    ).toBe(1);
  });

  it('shows the city only what the county forwarded, and neither side can read the other’s rows', async () => {
    const { countyId, privateCountyId } = await forwardedReport();
    const cityRowId = await cityCopy();
    const cityList = (await t.cityStaff.get('/api/opinions?pageSize=500')).body.items.map((r: any) => r.id);
    expect(cityList).toEqual([cityRowId]);
    expect((await t.cityStaff.get(`/api/opinions/${countyId}`)).status).toBe(404);
    expect((await t.cityStaff.get(`/api/opinions/${privateCountyId}`)).status).toBe(404);
    expect((await t.cityStaff.post(`/api/opinions/${countyId}/screen`, { decision: 'accept' })).status).toBe(404);
    const countyList = (await t.countyStaff.get('/api/opinions?pageSize=500')).body.items.map((r: any) => r.id);
    expect(countyList.sort()).toEqual([countyId, privateCountyId].sort());
    expect((await t.countyStaff.get(`/api/opinions/${cityRowId}`)).status).toBe(404);
    expect((await t.countyLeader.get(`/api/opinions/${cityRowId}`)).status).toBe(404);
    expect((await t.countyMember.get(`/api/opinions/${cityRowId}`)).status).toBe(404);
    expect(
      (await t.countyStaff.post(`/api/opinions/${cityRowId}/adoptions`, { level: 'city', adoptedOn: today })).status,
    ).toBe(404);
    expect((await t.cityMember.get(`/api/opinions/${cityRowId}`)).status).toBe(404);
    // search stays inside the committee too
    const q = `/api/opinions?q=${encodeURIComponent('加装电梯')}`;
    expect((await t.cityStaff.get(q)).body.items.map((r: any) => r.id)).toEqual([cityRowId]);
    expect((await t.countyStaff.get(q)).body.items.map((r: any) => r.id)).toEqual([countyId]);
  });

  it('cannot be returned for revision by the city (its writer is another committee), only accepted or declined', async () => {
    const cityRowId = await cityCopy();
    const res = await t.cityStaff.post(`/api/opinions/${cityRowId}/screen`, { decision: 'return', comment: '请补充' });
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('下级政协报送的信息不能退回修改');
    expect((await t.cityStaff.post(`/api/opinions/${cityRowId}/screen`, { decision: 'accept' })).body.state).toBe(
      'accepted',
    );
  });
});

describe('adoption and instructions recorded by the city', () => {
  it('are written to the city row and flow back to the county row, notifying the county office and the member', async () => {
    const { countyId } = await forwardedReport();
    const cityRowId = await acceptedCopy();
    expect(
      (await t.cityStaff.post(`/api/opinions/${cityRowId}/adoptions`, { level: 'county', adoptedOn: today })).status,
    ).toBe(400);
    const { adoption, instruction } = await recordedByCity();
    expect(adoption.status).toBe(200);
    expect(instruction.status).toBe(200);

    const city = (await t.cityStaff.get(`/api/opinions/${cityRowId}`)).body;
    expect(city.adoptions).toEqual([
      expect.objectContaining({ level: 'city', adoptedBy: '示例市政协', fromCommittee: null }),
    ]);
    for (const c of [t.countyStaff, t.countyMember]) {
      const d = (await c.get(`/api/opinions/${countyId}`)).body;
      expect(d.adoptions).toEqual([
        expect.objectContaining({
          level: 'city',
          levelLabel: '市级',
          adoptedBy: '示例市政协',
          fromCommittee: '示例市政协',
        }),
      ]);
      expect(d.instructions).toEqual([
        expect.objectContaining({
          leaderName: '李华',
          leaderTitle: '副省长',
          level: 'province',
          levelLabel: '省级',
          text: '请省住建厅会同有关部门研究。',
          fromCommittee: '示例市政协',
        }),
      ]);
    }
    const mine = (await t.countyMember.get('/api/opinions/mine')).body.items.find((r: any) => r.id === countyId);
    expect(mine).toMatchObject({ adoptedLevels: ['city'], instructionLevels: ['province'] });
    for (const c of [t.countyStaff, t.countyMember]) {
      const titles = (await notices(c)).map((n) => n.title);
      expect(titles).toContain(`社情民意信息被示例市政协采用：${ELEVATOR.title}`);
      expect(titles).toContain(`副省长李华对社情民意信息作出批示：${ELEVATOR.title}`);
    }
    // duty facts land in the county, for the county member, in the same transaction
    const facts = await query<any>(
      db(),
      sql`select committee_id, member_id, kind, detail->>'level' as level from duty_facts
        where source_type in ('opinion_adoption', 'opinion_instruction') and revoked_at is null and (detail->>'reportId')::int = ${countyId} order by kind`,
    );
    expect(facts).toEqual([
      {
        committee_id: t.countyStaff.me.committee.id,
        member_id: t.countyMember.me.account.memberId,
        kind: 'opinion.adopted',
        level: 'city',
      },
      {
        committee_id: t.countyStaff.me.committee.id,
        member_id: t.countyMember.me.account.memberId,
        kind: 'opinion.instruction',
        level: 'province',
      },
    ]);
    expect((await t.countyStaff.get('/api/opinions?adoptedLevel=city')).body.items.map((r: any) => r.id)).toEqual([
      countyId,
    ]);
  });

  it('lets only the recording committee remove its record, and the removal flows back too', async () => {
    const { countyId } = await forwardedReport();
    const cityRowId = await cityCopy();
    await recordedByCity();
    const county = (await t.countyStaff.get(`/api/opinions/${countyId}`)).body;
    const copy = county.adoptions[0].id;
    const res = await t.countyStaff.del(`/api/opinions/${countyId}/adoptions/${copy}`);
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('该记录由示例市政协回传，只能由其修改');
    const cityAdoption = (await t.cityStaff.get(`/api/opinions/${cityRowId}`)).body.adoptions[0].id;
    expect((await t.cityStaff.del(`/api/opinions/${cityRowId}/adoptions/${cityAdoption}`)).status).toBe(200);
    expect((await t.countyStaff.get(`/api/opinions/${countyId}`)).body.adoptions).toEqual([]);
    expect(
      await count(
        db(),
        'duty_facts',
        sql`kind = 'opinion.adopted' and revoked_at is null and (detail->>'reportId')::int = ${countyId}`,
      ),
    ).toBe(0);
    // recorded again for the rest of the journey
    await t.cityStaff.post(`/api/opinions/${cityRowId}/adoptions`, { level: 'city', adoptedOn: today });
    expect((await t.countyStaff.get(`/api/opinions/${countyId}`)).body.adoptions).toHaveLength(1);
  });

  it("count in the county's figures and sentence", async () => {
    await recordedByCity();
    const f = (await t.countyStaff.get('/api/opinions/figures')).body;
    expect(f).toMatchObject({ received: 2, compiled: 1, issues: 1, forwarded: 1 });
    expect(f.adopted.find((a: any) => a.level === 'city').count).toBe(1);
    expect(f.instructions.find((a: any) => a.level === 'province').count).toBe(1);
    expect(f.sentence).toBe('全年报送社情民意信息2条，省政府领导批示1条');
    const city = (await t.cityStaff.get('/api/opinions/figures')).body;
    expect(city).toMatchObject({ received: 1, fromLower: 1 });
    expect((await t.countyMember.get('/api/opinions/figures')).status).toBe(403);
  });
});
