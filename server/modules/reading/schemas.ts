// TypeBox schemas and Static<> types of the reading routes: the one contract; the web imports the types type-only.
import { type Static, type TSchema, Type } from 'typebox';
import { Paging, SimpleAction } from '../../platform/routes.ts';

const N = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });

export const GroupInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50, title: '读书群名称' }),
  description: Type.Optional(Type.String({ maxLength: 2000, title: '简介' })),
  leadMemberId: Id('领读人'),
  memberIds: Type.Array(Id('成员'), { minItems: 1, maxItems: 1000, title: '成员' }),
});
export type GroupInput = Static<typeof GroupInput>;

export const BookListInput = Type.Object({
  period: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$', title: '期次（如 2026-03 或 2026-Q2）' }),
  title: Type.String({ minLength: 1, maxLength: 100, title: '书目名称' }),
  specialCommitteeId: Type.Optional(N(Id('推荐专委会'))),
  books: Type.Array(
    Type.Object({
      title: Type.String({ minLength: 1, maxLength: 100, title: '书名' }),
      author: Type.Optional(Type.String({ maxLength: 100, title: '作者' })),
      note: Type.Optional(Type.String({ maxLength: 1000, title: '推荐语' })),
    }),
    { minItems: 1, maxItems: 50, title: '图书' },
  ),
});
export type BookListInput = Static<typeof BookListInput>;

// A hand-out of one book, or of every book of a list, to members and/or reading groups, each with its quantity.
export const HandoutInput = Type.Object({
  bookId: Type.Optional(Id('图书')),
  listId: Type.Optional(Id('书目')),
  handedOn: Type.String({ format: 'date', title: '发放日期' }),
  note: Type.Optional(Type.String({ maxLength: 500, title: '备注' })),
  items: Type.Array(
    Type.Object({
      memberId: Type.Optional(Id('委员')),
      groupId: Type.Optional(Id('读书群')),
      quantity: Type.Integer({ minimum: 1, maximum: 10000, title: '数量' }),
    }),
    { minItems: 1, maxItems: 1000, title: '发放对象' },
  ),
});
export type HandoutInput = Static<typeof HandoutInput>;

export const SessionInput = Type.Object({
  topic: Type.String({ minLength: 1, maxLength: 100, title: '分享主题' }),
  scheduledAt: Type.String({ format: 'date-time', title: '分享时间' }),
  dutyMemberId: Id('轮值分享人'),
  bookId: Type.Optional(N(Id('图书'))),
});
export type SessionInput = Static<typeof SessionInput>;

export const NoteInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 100, title: '笔记标题' }),
  body: Type.String({ minLength: 1, maxLength: 20000, title: '笔记内容' }),
  sessionId: Type.Optional(N(Id('分享活动'))),
  bookId: Type.Optional(N(Id('图书'))),
});
export type NoteInput = Static<typeof NoteInput>;

export const CommentInput = Type.Object({
  body: Type.String({ minLength: 1, maxLength: 2000, title: '评论内容' }),
});

/** A workflow action by name with an optional comment: the platform's SimpleAction. */
export const ActionBody = SimpleAction;
export type ActionBody = Static<typeof ActionBody>;

export const HandoutFilters = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, title: '年度' })),
    listId: Type.Optional(Id('书目')),
    bookId: Type.Optional(Id('图书')),
    ...Paging,
  },
  { additionalProperties: false },
);
export type HandoutFilters = Static<typeof HandoutFilters>;
