// Liaison (联系) through the routes: staff set up a contact point and relationships of three schemes (frequency from the
// link or the committee's setting); members see only their own; a contact logged in a few fields; overdue by the set
// frequency in both to-do lists; coverage per owner and per special committee; figures; another committee sees nothing.
import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, beijingToday, setTestClock } from '../../platform/dates.ts';
import { query } from '../../platform/db/client.ts';
import { type Client, okBody, testAppForFile } from '../../test/harness.ts';

const t = testAppForFile({
  office: 'office_staff',
  m1: 'member080',
  m2: 'member081',
  m3: 'member082',
  county: 'county_office_staff',
});
let names: Record<number, string>;
let committee: { id: number; name: string };

beforeAll(async () => {
  const rows = await query<{ id: number; name: string }>(
    t.database.db,
    sql`select m.id, m.name from members m join accounts a on a.committee_id = m.committee_id and a.member_id = m.id
      where a.username in ('member080', 'member081', 'member082')`,
  );
  names = Object.fromEntries(rows.map((r) => [r.id, r.name]));
  [committee] = await query<{ id: number; name: string }>(
    t.database.db,
    sql`select s.id, s.name from special_committees s join committees c on c.id = s.committee_id
      where c.name = '示例市政协' order by s.id limit 1`,
  );
});
afterEach(() => setTestClock(null));

const mid = (c: Client) => c.me.account.memberId as number;
const todoCount = async (c: Client, key: string) =>
  ((await okBody(await c.get('/api/todos'))).items as any[]).find((x) => x.key === key)?.count ?? 0;

describe('liaison', () => {
  it('keeps relationships, logs contacts, flags overdue ones and counts coverage', async () => {
    expect((await t.m1.post('/api/liaison/points', { name: 'x' })).status).toBe(403);
    const { id: pointId } = await okBody(
      await t.office.post('/api/liaison/points', { name: '东城街道幸福社区联络点', area: '东城街道' }),
    );
    await okBody(
      await t.office.put('/api/liaison/settings', {
        frequencyDays: { leaderMember: 90, committeeSector: 90, partyNonParty: 90, memberPublic: 20 },
      }),
    );
    const both = await t.office.post('/api/liaison/links', { scheme: 'leaderMember', ownerMemberId: mid(t.m1) });
    expect([both.status, both.body.message]).toEqual([400, '请选择联系对象（委员或联络点）之一']);
    const { id: l1 } = await okBody(
      await t.office.post('/api/liaison/links', {
        scheme: 'leaderMember',
        ownerMemberId: mid(t.m1),
        memberId: mid(t.m2),
        frequencyDays: 30,
      }),
    );
    const { id: l2 } = await okBody(
      await t.office.post('/api/liaison/links', {
        scheme: 'memberPublic',
        ownerMemberId: mid(t.m1),
        contactPointId: pointId,
      }),
    );
    await okBody(
      await t.office.post('/api/liaison/links', {
        scheme: 'committeeSector',
        ownerSpecialCommitteeId: committee.id,
        memberId: mid(t.m3),
      }),
    );

    const mine = await okBody(await t.m1.get('/api/liaison/links'));
    expect(mine.items.map((l: any) => [l.id, l.schemeLabel, l.target, l.frequencyDays, l.overdue])).toEqual([
      [l2, '委员联系群众（网格联络点）', '东城街道幸福社区联络点', 20, false],
      [l1, '领导联系委员', names[mid(t.m2)], 30, false],
    ]);
    expect((await okBody(await t.m2.get('/api/liaison/links'))).items.map((l: any) => l.id)).toEqual([l1]);
    expect((await t.m3.post(`/api/liaison/links/${l1}/contacts`, { method: 'phone' })).status).toBe(404);
    expect((await t.county.get(`/api/liaison/links/${l1}/contacts`)).status).toBe(404);
    expect((await okBody(await t.county.get('/api/liaison/links'))).items).toEqual([]);

    // 45 days on: both of the member's relationships are overdue (30 and 20 days); the committee's (90) is not.
    const later = addDays(beijingToday(), 45);
    setTestClock(`${later}T04:00:00Z`);
    expect(await todoCount(t.m1, 'contactsOverdue')).toBe(2);
    expect(await todoCount(t.office, 'linksOverdue')).toBe(2);
    const future = await t.m1.post(`/api/liaison/links/${l1}/contacts`, {
      method: 'visit',
      contactedOn: addDays(later, 1),
    });
    expect([future.status, future.body.message]).toEqual([400, '联系日期不能晚于今天']);
    await okBody(
      await t.m1.post(`/api/liaison/links/${l1}/contacts`, {
        method: 'visit',
        raised: '企业反映用工成本高，希望出台稳岗补贴政策',
        followup: '拟形成社情民意信息报送',
      }),
    );
    expect(await todoCount(t.m1, 'contactsOverdue')).toBe(1);
    const contacts = await okBody(await t.m2.get(`/api/liaison/links/${l1}/contacts`));
    expect(contacts.items.map((c: any) => [c.contactedOn, c.methodLabel, c.raised])).toEqual([
      [later, '走访', '企业反映用工成本高，希望出台稳岗补贴政策'],
    ]);

    const byOwner = await okBody(await t.office.get('/api/liaison/coverage?by=owner'));
    expect(byOwner.items).toEqual(
      [
        { name: committee.name, links: 1, inTime: 1, coverage: 100 },
        { name: names[mid(t.m1)], links: 2, inTime: 1, coverage: 50 },
      ].sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
    expect((await t.m1.get('/api/liaison/coverage?by=owner')).status).toBe(403);
    const fig = await okBody(await t.office.get(`/api/figures?period=${later.slice(0, 4)}&ids=liaison.contacts`));
    expect(fig.items.map((f: any) => f.value)).toEqual([1]);
  });
});
