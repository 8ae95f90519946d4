// The book rows of the 新建书目 dialog in its local draft. The shared draft keeps only plain values and lists of them, so
// the rows ({title, author, note}[]) are kept as three lists of text side by side and turned back into rows on restore.
import type { FormInstance } from 'antd';

export interface BookRow {
  title?: string;
  author?: string;
  note?: string;
}

const FIELDS = ['title', 'author', 'note'] as const;
const KEY = { title: 'bookTitles', author: 'bookAuthors', note: 'bookNotes' } as const;

const blank = (b: BookRow | undefined) => !b || FIELDS.every((f) => !b[f]?.trim());

/** The form's values as a draft keeps them: rows with anything typed become the three text lists. */
export function booksToDraft<V extends { books?: (BookRow | undefined)[] }>(values: V): Record<string, unknown> {
  const { books, ...rest } = values;
  const rows = (books ?? []).filter((b): b is BookRow => !blank(b));
  if (!rows.length) return rest;
  return { ...rest, ...Object.fromEntries(FIELDS.map((f) => [KEY[f], rows.map((b) => b[f] ?? '')])) };
}

/** A restored draft as form values: the text lists become book rows again (none kept: the form's rows stay). */
export function draftToBooks(draft: Record<string, unknown>): Record<string, unknown> {
  const { bookTitles, bookAuthors, bookNotes, ...rest } = draft;
  // Anything but a list (an edited or older entry) counts as no rows.
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  const lists = { title: list(bookTitles), author: list(bookAuthors), note: list(bookNotes) };
  const n = Math.max(...FIELDS.map((f) => lists[f].length));
  if (n === 0) return rest;
  const at = (f: (typeof FIELDS)[number], i: number) => (typeof lists[f][i] === 'string' ? lists[f][i] : '');
  return {
    ...rest,
    books: Array.from({ length: n }, (_, i) => Object.fromEntries(FIELDS.map((f) => [f, at(f, i)])) as BookRow),
  };
}

/**
 * The form as the draft sees it: reading and restoring go through the two conversions, so the shared draft offers back
 * the rows too. Only the draft uses this view; the dialog's <Form> keeps the real instance.
 */
export function bookDraftView<V extends { books?: (BookRow | undefined)[] }>(form: FormInstance<V>): FormInstance<any> {
  return {
    ...form,
    getFieldsValue: (() => booksToDraft(form.getFieldsValue() as V)) as FormInstance<any>['getFieldsValue'],
    setFieldsValue: (values: Record<string, unknown>) => form.setFieldsValue(draftToBooks(values) as any),
  };
}
