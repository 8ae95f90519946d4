// 界别活动・界别提案 per sector: a member's proposal, a sector meeting and a collective proposal in the name of the
// sector's organisation each show in that sector's row (and nowhere else); Excel; staff only; per committee.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { queryOne } from '../../platform/db/client.ts';
import { type Client, testAppForFile } from '../../test/harness.ts';
import { write } from '../proposals/test-helpers.ts';
import { thisYear } from './service.ts';

const t = testAppForFile({ office: 'office_staff', member: 'member073', county: 'county_admin' });
const year = thisYear();
const db = () => t.database.db;

const rowOf = async (c: Client, sectorId: number) =>
  (await c.get(`/api/duty/sectors?year=${year}`)).body.items.find((r: any) => r.sectorId === sectorId);

describe('sector counts', () => {
  it("counts a sector's meetings, its members' proposals and its collective proposals", async () => {
    const s = await queryOne<{ id: number; name: string; committee_id: number }>(
      db(),
      sql`select s.id, s.name, s.committee_id from members m join sectors s on s.committee_id = m.committee_id and s.id = m.sector_id
        where m.id = ${t.member.me.account.memberId}`,
    );
    const before = await rowOf(t.office, s!.id);
    expect(before.members).toBeGreaterThan(0);
    const others = (await t.office.get(`/api/duty/sectors?year=${year}`)).body.items.filter(
      (r: any) => r.sectorId !== s!.id,
    );

    await write(t.member, { title: '关于完善界别协商机制的建议', submit: true });
    const now = Date.now();
    const meeting = await t.office.post('/api/meetings', {
      kind: 'sector',
      sectorId: s!.id,
      title: '界别委员活动组学习会',
      startsAt: new Date(now - 3600_000).toISOString(),
      endsAt: new Date(now + 3600_000).toISOString(),
      place: '界别活动室',
      invite: { rule: 'sector', sectorId: s!.id },
    });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(200);
    // A collective proposal in the name of the sector's organisation (organisations of kind sector carry its name).
    const org = await queryOne<{ id: number }>(
      db(),
      sql`insert into organisations (committee_id, name, kind) values (${s!.committee_id}, ${s!.name}, 'sector') returning id`,
    );
    await db().execute(sql`insert into proposals (committee_id, year, kind, org_id, title, state, submitted_at)
      values (${s!.committee_id}, ${year}, 'collective', ${org!.id}, '关于界别集体的建议', 'submitted', now())`);

    const after = await rowOf(t.office, s!.id);
    expect(after.memberProposals - before.memberProposals).toBe(1);
    expect(after.collectiveProposals - before.collectiveProposals).toBe(1);
    expect(after.proposals - before.proposals).toBe(2);
    expect(after.sectorMeetings - before.sectorMeetings).toBe(1);
    expect(
      (await t.office.get(`/api/duty/sectors?year=${year}`)).body.items.filter((r: any) => r.sectorId !== s!.id),
    ).toEqual(others);

    expect((await t.member.get(`/api/duty/sectors?year=${year}`)).status).toBe(403);
    expect(
      (await t.county.get(`/api/duty/sectors?year=${year}`)).body.items.some((r: any) => r.sectorId === s!.id),
    ).toBe(false);

    const xlsx = await t.office.get(`/api/duty/sectors/export?year=${year}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as any);
    const rows = wb.worksheets[0].getSheetValues().slice(2) as any[];
    const mine = rows.find((r) => r[1] === s!.name);
    expect([mine[3], mine[6], mine[7], mine[8]]).toEqual([
      after.sectorMeetings,
      after.collectiveProposals,
      after.memberProposals,
      after.proposals,
    ]);
  });
});
