// The 新建书目 draft keeps the typed book rows (as lists of text the shared draft stores) and gives them back as rows.
import { describe, expect, it } from 'vitest';
import { booksToDraft, draftToBooks } from './bookDraft.ts';

describe('book rows in the 新建书目 draft', () => {
  it('keeps the typed rows, drops the empty ones, and gives them back as rows', () => {
    const values = {
      kind: 'quarter',
      period: '2026-Q4',
      title: '文史推荐书目',
      books: [
        { title: '乡土中国', author: '费孝通' },
        {},
        undefined,
        { title: '万历十五年', note: '以一年见一代，\n读懂制度与人。' },
        { title: '  ', author: '' },
      ],
    };
    const kept = booksToDraft(values);
    expect(kept).toEqual({
      kind: 'quarter',
      period: '2026-Q4',
      title: '文史推荐书目',
      bookTitles: ['乡土中国', '万历十五年'],
      bookAuthors: ['费孝通', ''],
      bookNotes: ['', '以一年见一代，\n读懂制度与人。'],
    });
    // what localStorage gives back is JSON
    expect(draftToBooks(JSON.parse(JSON.stringify(kept)))).toEqual({
      kind: 'quarter',
      period: '2026-Q4',
      title: '文史推荐书目',
      books: [
        { title: '乡土中国', author: '费孝通', note: '' },
        { title: '万历十五年', author: '', note: '以一年见一代，\n读懂制度与人。' },
      ],
    });
  });

  it('leaves the rows alone when none was typed, and reads an older draft without rows', () => {
    expect(booksToDraft({ kind: 'month', books: [{}] })).toEqual({ kind: 'month' });
    expect(draftToBooks({ title: '一月一书' })).toEqual({ title: '一月一书' });
    expect(draftToBooks({ bookTitles: ['乡土中国'], bookNotes: 'x' })).toEqual({
      books: [{ title: '乡土中国', author: '', note: '' }],
    });
  });
});
