// The workspaces through the routes: who sees which special committee's and sector's workspace (403 across special
// committees, 404 across committees), its members and events, and the signature project (一委一品) with a photo.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { query, queryOne } from '../../platform/db/client.ts';
import { type Client, login, okBody, testAppForFile } from '../../test/harness.ts';
import { econAndAgri, newAgriStaff } from './test-helpers.ts';

const t = testAppForFile();
let special: Client;
let agri: Client;
let office: Client;
let leader: Client;
let member: Client;
let county: Client;
let econ: number;
let agriId: number;
let memberSector: number;
let memberName: string;

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

beforeAll(async () => {
  const db = t.database.db;
  ({ econ, agri: agriId } = await econAndAgri(db));
  const m = await queryOne<{ username: string; name: string; sector_id: number }>(
    db,
    sql`select a.username, m.name, m.sector_id from member_special_committees x
      join members m on m.committee_id = x.committee_id and m.id = x.member_id
      join accounts a on a.committee_id = m.committee_id and a.member_id = m.id and a.username like 'member%'
      where x.special_committee_id = ${econ} and m.status = 'active' order by a.username limit 1`,
  );
  memberName = m!.name;
  memberSector = m!.sector_id;
  agri = await newAgriStaff(t.app);
  [special, office, leader, member, county] = await Promise.all(
    ['special_staff', 'office_staff', 'leader', m!.username, 'county_office_staff'].map((u) => login(t.app, u)),
  );
});

describe('workspace', () => {
  it('lists only the workspaces each account may open', async () => {
    const mine = await okBody(await special.get('/api/workspace'));
    expect(mine.specialCommittees.map((s: any) => [s.name, s.canManage])).toEqual([['经济委员会', true]]);
    expect(mine.sectors).toEqual([]);
    const all = await okBody(await office.get('/api/workspace'));
    expect(all.specialCommittees.length).toBeGreaterThan(5);
    expect(all.specialCommittees.every((s: any) => s.canManage)).toBe(true);
    expect(all.sectors.length).toBeGreaterThan(5);
    const lead = await okBody(await leader.get('/api/workspace'));
    expect(lead.specialCommittees.some((s: any) => s.canManage)).toBe(false);
    const own = await okBody(await member.get('/api/workspace'));
    expect(own.specialCommittees.map((s: any) => s.id)).toContain(econ);
    expect(own.specialCommittees.every((s: any) => !s.canManage)).toBe(true);
    expect(own.sectors.map((s: any) => s.id)).toEqual([memberSector]);
  });

  it('opens its own special committee, refuses another (403) and another committee (404)', async () => {
    const w = await okBody(await special.get(`/api/workspace/special-committees/${econ}?year=2026`));
    expect(w.name).toBe('经济委员会');
    expect(w.canManage).toBe(true);
    expect(w.members.map((x: any) => x.name)).toContain(memberName);
    const other = await special.get(`/api/workspace/special-committees/${agriId}`);
    expect([other.status, other.body.error, other.body.message]).toEqual([
      403,
      'workspace.not_yours',
      '只能查看本专委会的工作台',
    ]);
    expect((await agri.get(`/api/workspace/special-committees/${econ}`)).body.error).toBe('workspace.not_yours');
    expect((await okBody(await agri.get('/api/workspace'))).specialCommittees.map((s: any) => s.name)).toEqual([
      '农业和农村委员会',
    ]);
    expect((await county.get(`/api/workspace/special-committees/${econ}`)).status).toBe(404);
    const asMember = await okBody(await member.get(`/api/workspace/special-committees/${econ}`));
    expect(asMember.canManage).toBe(false);
    expect((await member.get(`/api/workspace/special-committees/${agriId}`)).status).toBe(403);
    const sector = await okBody(await member.get(`/api/workspace/sectors/${memberSector}`));
    expect(sector.members.map((x: any) => x.name)).toContain(memberName);
    expect((await special.get(`/api/workspace/sectors/${memberSector}`)).status).toBe(403);
  });

  it('shows the meetings it organised with the members checked in', async () => {
    const ids = (
      await query<{ id: number }>(
        t.database.db,
        sql`select member_id as id from member_special_committees where special_committee_id = ${econ} order by member_id limit 3`,
      )
    ).map((r) => r.id);
    const meeting = await okBody(
      await special.post('/api/meetings', {
        kind: 'specialCommittee',
        specialCommitteeId: econ,
        title: '经济委员会全体会议',
        startsAt: '2026-03-10T01:00:00Z',
        endsAt: '2026-03-10T04:00:00Z',
        place: '第二会议室',
        invite: { rule: 'members', memberIds: ids },
      }),
    );
    for (const id of ids.slice(0, 2))
      await okBody(await special.post(`/api/meetings/${meeting.id}/attendance/${id}`, { present: true }));
    const w = await okBody(await office.get(`/api/workspace/special-committees/${econ}?year=2026`));
    expect(w.meetings.map((m: any) => [m.title, m.present])).toEqual([['经济委员会全体会议', 2]]);
    const other = await okBody(await office.get(`/api/workspace/special-committees/${agriId}?year=2026`));
    expect(other.meetings).toEqual([]);
  });

  it('keeps the signature project: goal, milestones, progress with a photo', async () => {
    const p = await okBody(
      await special.put(`/api/workspace/special-committees/${econ}/signature`, {
        year: 2026,
        title: '助企纾困直通车',
        goal: '全年走访企业100家，形成调研报告3篇',
      }),
    );
    const ms = await okBody(
      await special.post(`/api/workspace/signature/${p.id}/milestones`, { title: '完成首批走访', dueOn: '2026-06-30' }),
    );
    await okBody(await special.put(`/api/workspace/milestones/${ms.id}/done`, { done: true }));
    const file = await okBody(await special.upload('/api/files', '走访.png', png));
    await okBody(
      await special.post(`/api/workspace/signature/${p.id}/progress`, {
        text: '走访高新区企业12家，收集问题23条',
        entryOn: '2026-11-20',
        fileIds: [file.id],
      }),
    );
    const again = await okBody(
      await special.put(`/api/workspace/special-committees/${econ}/signature`, {
        year: 2026,
        title: '助企纾困直通车',
        goal: '全年走访企业120家',
      }),
    );
    expect(again.id).toBe(p.id);
    const w = await okBody(await member.get(`/api/workspace/special-committees/${econ}?year=2026`));
    expect(w.signature.goal).toBe('全年走访企业120家');
    expect(w.signature.milestones.map((m: any) => [m.title, m.dueOn, !!m.doneOn])).toEqual([
      ['完成首批走访', '2026-06-30', true],
    ]);
    expect(w.signature.progress[0].body).toBe('走访高新区企业12家，收集问题23条');
    expect(w.signature.progress[0].photos.map((f: any) => f.name)).toEqual(['走访.png']);
    // the photo opens for a reader of the workspace, not for staff of another special committee
    expect((await member.get(`/api/files/${file.id}`)).status).toBe(200);
    expect((await agri.get(`/api/files/${file.id}`)).status).toBe(403);
    // another special committee's staff and members may not write; blanks are refused with the field's name
    expect((await agri.post(`/api/workspace/signature/${p.id}/progress`, { text: '越权' })).body.error).toBe(
      'workspace.not_manager',
    );
    expect((await member.post(`/api/workspace/signature/${p.id}/progress`, { text: '越权' })).status).toBe(403);
    const blank = await special.post(`/api/workspace/signature/${p.id}/progress`, { text: '   ' });
    expect(blank.status).toBe(400);
    const audit = await query<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where entity = 'signature_project' and entity_id = ${String(p.id)} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'workspace.signature_create',
      'workspace.milestone_add',
      'workspace.milestone_done',
      'workspace.progress_add',
      'workspace.signature_update',
    ]);
  });
});
