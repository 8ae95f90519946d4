// Book hand-outs through the routes: a book or a whole month's list to members and to reading groups with quantities,
// refused when the target or a recipient is not exactly one thing, the record page's list with names and totals, the
// year's figure and report sentence, the Excel, permissions and tenancy.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../platform/db/client.ts';
import { okBody, testAppForFile } from '../../test/harness.ts';

const t = testAppForFile({ office: 'office_staff', member: 'member050', county: 'county_office_staff' });
let ids: Record<string, number>;

beforeAll(async () => {
  const rows = await query<{ username: string; member_id: number; name: string }>(
    t.database.db,
    sql`select a.username, a.member_id from accounts a where a.username in ('member050', 'member051', 'member052')`,
  );
  ids = Object.fromEntries(rows.map((r) => [r.username, r.member_id]));
});

describe('book hand-outs', () => {
  it('records a list to a group and a book to a member, lists them with names and totals, counts them, exports Excel', async () => {
    const year = 2031;
    const before = await okBody(await t.office.get(`/api/reading/figures?year=${year}`));
    const { id: groupId } = await okBody(
      await t.office.post('/api/reading/groups', {
        name: '文化界别读书群',
        leadMemberId: ids.member051,
        memberIds: [ids.member052],
      }),
    );
    const { id: listId } = await okBody(
      await t.office.post('/api/reading/lists', {
        period: `${year}-04`,
        title: '四月推荐书目',
        books: [{ title: '乡土中国', author: '费孝通' }, { title: '人民政协简史' }],
      }),
    );
    const lists = await okBody(await t.office.get(`/api/reading/lists?year=${year}`));
    const book = lists.find((l: any) => l.id === listId).books[1];

    // the whole list to the group (10 copies of each book) and one book to a member
    expect(
      await okBody(
        await t.office.post('/api/reading/handouts', {
          listId,
          handedOn: `${year}-04-02`,
          note: '读书群集中领取',
          items: [{ groupId, quantity: 10 }],
        }),
      ),
    ).toEqual({ quantity: 20 });
    expect(
      await okBody(
        await t.office.post('/api/reading/handouts', {
          bookId: book.id,
          handedOn: `${year}-04-09`,
          items: [{ memberId: ids.member050, quantity: 1 }],
        }),
      ),
    ).toEqual({ quantity: 1 });

    // exactly one target and one recipient each; unknown groups and members are refused; nothing is written
    const both = await t.office.post('/api/reading/handouts', {
      bookId: book.id,
      listId,
      handedOn: `${year}-04-10`,
      items: [{ memberId: ids.member050, quantity: 1 }],
    });
    expect(both.status).toBe(400);
    expect(both.body.message).toBe('请选择要发放的图书或整期书目（二选一）');
    const twoRecipients = await t.office.post('/api/reading/handouts', {
      bookId: book.id,
      handedOn: `${year}-04-10`,
      items: [{ memberId: ids.member050, groupId, quantity: 1 }],
    });
    expect(twoRecipients.body).toMatchObject({ error: 'reading.handout_recipient', field: 'items' });
    const noGroup = await t.office.post('/api/reading/handouts', {
      bookId: book.id,
      handedOn: `${year}-04-10`,
      items: [{ groupId: 999999, quantity: 1 }],
    });
    expect(noGroup.body.message).toBe('所选读书群不存在');
    expect(
      (
        await t.office.post('/api/reading/handouts', {
          bookId: book.id,
          handedOn: `${year}-04-10`,
          items: [{ memberId: ids.member050, quantity: 0 }],
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await t.member.post('/api/reading/handouts', {
          bookId: book.id,
          handedOn: `${year}-04-10`,
          items: [{ memberId: ids.member050, quantity: 1 }],
        })
      ).status,
    ).toBe(403);

    const record = await okBody(await t.office.get(`/api/reading/handouts?year=${year}`));
    expect(record).toMatchObject({ total: 3, copies: 21, members: 1, groups: 1 });
    expect(record.items[0]).toMatchObject({
      handedOn: `${year}-04-09`,
      bookTitle: '人民政协简史',
      recipientKindLabel: '委员',
      recipientName: expect.any(String),
      quantity: 1,
    });
    expect(record.items.slice(1).map((i: any) => [i.bookTitle, i.recipientName, i.quantity, i.note])).toEqual(
      expect.arrayContaining([
        ['乡土中国', '文化界别读书群', 10, '读书群集中领取'],
        ['人民政协简史', '文化界别读书群', 10, '读书群集中领取'],
      ]),
    );
    expect((await okBody(await t.office.get(`/api/reading/handouts?year=${year}&bookId=${book.id}`))).copies).toBe(11);
    expect(
      (await okBody(await t.office.get(`/api/reading/lists?year=${year}`))).find((l: any) => l.id === listId).books[1],
    ).toMatchObject({ handedOut: 11 });
    expect((await t.member.get(`/api/reading/handouts?year=${year}`)).status).toBe(403);

    // the year's figures and the report sentence count the copies
    const after = await okBody(await t.office.get(`/api/reading/figures?year=${year}`));
    expect(after.books).toBe(before.books + 21);
    expect(after.sentence).toContain(`发放图书${after.books}册`);

    const x = await t.office.get(`/api/reading/handouts/export?year=${year}`);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw as any);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('图书发放');
    expect(ws.getRow(1).values).toContain('发放对象');
    expect(ws.rowCount).toBe(4);
    const quantities = [2, 3, 4].map((r) => Number(ws.getRow(r).getCell(7).value));
    expect(quantities.reduce((s, n) => s + n, 0)).toBe(21);

    // another committee sees none of it and cannot hand out this committee's books
    expect((await okBody(await t.county.get(`/api/reading/handouts?year=${year}`))).total).toBe(0);
    expect(
      (
        await t.county.post('/api/reading/handouts', {
          bookId: book.id,
          handedOn: `${year}-04-10`,
          items: [{ groupId, quantity: 1 }],
        })
      ).status,
    ).toBe(404);
  });
});
