// Reading through the routes: a group with a lead reader, a month's book list and handouts, a sharing session the lead
// schedules on the rota and confirms (fact for the member on duty), notes in the thread (fact), likes and comments,
// selection into the collection (fact, Word), the year's figures and sentence, permissions and tenancy.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../platform/db/client.ts';
import { okBody, testAppForFile } from '../../test/harness.ts';
import { docxText } from '../opinions/test-helpers.ts';

const t = testAppForFile({
  office: 'office_staff',
  lead: 'member040',
  reader: 'member041',
  outsider: 'member042',
  leader: 'leader',
  county: 'county_office_staff',
});
let ids: Record<string, number>;

beforeAll(async () => {
  const rows = await query<{ username: string; member_id: number }>(
    t.database.db,
    sql`select username, member_id from accounts where username in ('member040', 'member041', 'member042')`,
  );
  ids = Object.fromEntries(rows.map((r) => [r.username, r.member_id]));
});

const facts = async (kind: string, sourceType: string, id: number) =>
  (
    await query<{ member_id: number }>(
      t.database.db,
      sql`select member_id from duty_facts where kind = ${kind} and source_type = ${sourceType} and source_id = ${id} and revoked_at is null`,
    )
  ).map((r) => r.member_id);

describe('reading groups', () => {
  it('runs a group: book list, handouts, a rota session, notes with likes and comments, selection, figures', async () => {
    const year = 2026;
    expect(
      (await t.lead.post('/api/reading/groups', { name: 'x', leadMemberId: ids.member040, memberIds: [ids.member041] }))
        .status,
    ).toBe(403);
    const { id: groupId } = await okBody(
      await t.office.post('/api/reading/groups', {
        name: '经济界别读书群',
        leadMemberId: ids.member040,
        memberIds: [ids.member041],
      }),
    );
    const group = await okBody(await t.reader.get(`/api/reading/groups/${groupId}`));
    expect(group).toMatchObject({ leadName: expect.any(String), memberCount: 2, isLead: false });

    const { id: listId } = await okBody(
      await t.office.post('/api/reading/lists', {
        period: `${year}-03`,
        title: '三月推荐书目',
        books: [{ title: '乡土中国', author: '费孝通' }, { title: '人民政协简史' }],
      }),
    );
    expect(
      (await t.office.post('/api/reading/lists', { period: `${year}-03`, title: 'x', books: [{ title: 'y' }] })).status,
    ).toBe(409);
    expect(
      (await t.office.post('/api/reading/lists', { period: `${year}-13`, title: 'x', books: [{ title: 'y' }] })).status,
    ).toBe(400);
    const lists = await okBody(await t.reader.get(`/api/reading/lists?year=${year}`));
    const book = lists.find((l: any) => l.id === listId).books[0];
    expect(book.title).toBe('乡土中国');
    expect(
      await okBody(
        await t.office.post('/api/reading/handouts', {
          bookId: book.id,
          handedOn: `${year}-03-05`,
          items: [
            { memberId: ids.member040, quantity: 1 },
            { memberId: ids.member041, quantity: 2 },
          ],
        }),
      ),
    ).toEqual({ quantity: 3 });

    // the rota: only the lead (or staff) schedules; the member on duty must be in the group
    const session = {
      topic: '《乡土中国》导读',
      scheduledAt: `${year}-03-20T12:00:00.000Z`,
      dutyMemberId: ids.member041,
      bookId: book.id,
    };
    expect((await t.reader.post(`/api/reading/groups/${groupId}/sessions`, session)).body.message).toBe(
      '只有领读人或工作人员可以安排轮值分享',
    );
    expect(
      (await t.lead.post(`/api/reading/groups/${groupId}/sessions`, { ...session, dutyMemberId: ids.member042 }))
        .status,
    ).toBe(400);
    const { id: sessionId } = await okBody(await t.lead.post(`/api/reading/groups/${groupId}/sessions`, session));
    const seen = await okBody(await t.lead.get(`/api/reading/groups/${groupId}`));
    expect(seen.sessions[0]).toMatchObject({
      stateLabel: '待分享',
      dutyName: expect.any(String),
      bookTitle: '乡土中国',
    });
    expect(seen.sessions[0].actions.map((a: any) => a.action)).toEqual(['hold', 'cancel']);
    expect((await t.reader.post(`/api/reading/sessions/${sessionId}/actions`, { action: 'hold' })).status).toBe(403);

    // notes in the thread: members of the group only
    expect((await t.outsider.post(`/api/reading/groups/${groupId}/notes`, { title: 'a', body: 'b' })).status).toBe(400);
    expect((await t.office.post(`/api/reading/groups/${groupId}/notes`, { title: 'a', body: 'b' })).status).toBe(403);
    const { id: noteId } = await okBody(
      await t.reader.post(`/api/reading/groups/${groupId}/notes`, {
        title: '读《乡土中国》有感',
        body: '差序格局的概念，帮助我理解基层治理。\n熟人社会的规则仍在影响今天的乡村。',
        sessionId,
        bookId: book.id,
      }),
    );
    expect(await facts('reading.noteWritten', 'reading_note', noteId)).toEqual([ids.member041]);
    await okBody(await t.lead.post(`/api/reading/sessions/${sessionId}/actions`, { action: 'hold' }));
    expect(await facts('reading.sharingLed', 'reading_session', sessionId)).toEqual([ids.member041]);
    expect(
      (await t.lead.post(`/api/reading/sessions/${sessionId}/actions`, { action: 'cancel', comment: 'x' })).status,
    ).toBe(409);

    expect(await okBody(await t.lead.post(`/api/reading/notes/${noteId}/like`))).toEqual({ liked: true });
    await okBody(await t.outsider.post(`/api/reading/notes/${noteId}/like`));
    expect(await okBody(await t.outsider.post(`/api/reading/notes/${noteId}/like`))).toEqual({ liked: false });
    await okBody(await t.lead.post(`/api/reading/notes/${noteId}/comments`, { body: '写得好，差序格局值得再读。' }));
    const thread = await okBody(await t.reader.get(`/api/reading/notes?sessionId=${sessionId}`));
    expect(thread[0]).toMatchObject({ likes: 1, liked: false, comments: [{ body: '写得好，差序格局值得再读。' }] });

    expect((await t.lead.put(`/api/reading/notes/${noteId}/selected`, { selected: true })).status).toBe(403);
    await okBody(await t.office.put(`/api/reading/notes/${noteId}/selected`, { selected: true }));
    expect(await facts('reading.noteSelected', 'reading_note', noteId)).toEqual([ids.member041]);
    const thisYear = Number(
      new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()),
    );
    const doc = await t.reader.get(`/api/reading/collection.docx?year=${thisYear}`);
    expect(doc.status).toBe(200);
    const text = docxText(doc.raw as any);
    expect(text).toContain(`${thisYear}年委员读书笔记选编`);
    expect(text).toContain('读《乡土中国》有感');
    expect(text).toContain('差序格局的概念');

    expect((await t.reader.get(`/api/reading/figures?year=${year}`)).status).toBe(403);
    const f = await okBody(await t.leader.get(`/api/reading/figures?year=${year}`));
    expect(f).toMatchObject({ groups: 1, participants: 2, sessions: 1, books: 3, lists: 1 });
    expect(f.sentence).toMatch(
      /^建立委员读书群1个，参与委员2人，参与率[\d.]+%，开展线上轮值分享1场，推荐书目1期，发放图书3册，/,
    );
    await okBody(await t.office.put(`/api/reading/notes/${noteId}/selected`, { selected: false }));
    expect(await facts('reading.noteSelected', 'reading_note', noteId)).toEqual([]);

    expect(await okBody(await t.county.get('/api/reading/groups'))).toEqual([]);
    expect((await t.county.get(`/api/reading/groups/${groupId}`)).status).toBe(404);
    expect((await t.county.post(`/api/reading/notes/${noteId}/like`)).status).toBe(404);
  });

  it('cancels a session only with a reason', async () => {
    const { id: groupId } = await okBody(
      await t.office.post('/api/reading/groups', {
        name: '文化读书群',
        leadMemberId: ids.member042,
        memberIds: [ids.member040],
      }),
    );
    const { id } = await okBody(
      await t.office.post(`/api/reading/groups/${groupId}/sessions`, {
        topic: '读史明智',
        scheduledAt: '2026-04-20T12:00:00.000Z',
        dutyMemberId: ids.member040,
      }),
    );
    expect((await t.office.post(`/api/reading/sessions/${id}/actions`, { action: 'cancel' })).status).toBe(400);
    await okBody(await t.office.post(`/api/reading/sessions/${id}/actions`, { action: 'cancel', comment: '改期' }));
    expect(await facts('reading.sharingLed', 'reading_session', id)).toEqual([]);
  });
});
