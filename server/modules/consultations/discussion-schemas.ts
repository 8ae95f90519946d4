// TypeBox contract of online discussions (网络议政): the web imports these types type-only.
import { type Static, Type } from 'typebox';

const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });
const Time = (title: string) => Type.String({ format: 'date-time', title });

export const AUDIENCES = { members: '本会委员', named: '指定人员', committee: '本会所有登录用户' } as const;
export const VOTES = { agree: 1, disagree: -1, pass: 0 } as const;

export const DiscussionBody = Type.Object({
  topic: Type.String({ minLength: 1, maxLength: 100, title: '议题' }),
  background: Type.Optional(Type.String({ maxLength: 20000, title: '背景材料' })),
  eventId: Type.Optional(Type.Union([Id('协商活动'), Type.Null()])),
  audience: Type.Union(
    Object.keys(AUDIENCES).map((k) => Type.Literal(k)),
    { title: '参与范围' },
  ),
  accountIds: Type.Optional(Type.Array(Id('指定人员'), { maxItems: 2000, title: '指定人员' })),
  opensAt: Time('开始时间'),
  closesAt: Time('截止时间'),
  premoderated: Type.Optional(Type.Boolean({ title: '先审后发' })),
  anonymous: Type.Optional(Type.Boolean({ title: '对其他参与者匿名' })),
  maxLength: Type.Optional(Type.Integer({ minimum: 20, maximum: 1000, title: '观点字数上限' })),
  clientKey: Type.Optional(Type.String({ minLength: 8, maxLength: 64, title: '请求标识' })),
});
export type DiscussionBody = Static<typeof DiscussionBody>;

export const StatementBody = Type.Object({
  body: Type.String({ minLength: 1, maxLength: 1000, title: '观点' }),
});
export const VoteBody = Type.Object({
  vote: Type.Union(
    Object.keys(VOTES).map((k) => Type.Literal(k)),
    { title: '表态' },
  ),
});
export type VoteName = keyof typeof VOTES;
export const CommentBody = Type.Object({
  body: Type.String({ minLength: 1, maxLength: 1000, title: '评论' }),
  statementId: Type.Optional(Id('观点')),
  parentId: Type.Optional(Id('回复的评论')),
});
export type CommentBody = Static<typeof CommentBody>;

export const MODERATIONS = ['approve', 'hide', 'restore', 'pin', 'unpin', 'merge', 'adopt', 'unadopt'] as const;
export const ModerateBody = Type.Object({
  action: Type.Union(
    MODERATIONS.map((k) => Type.Literal(k)),
    { title: '操作' },
  ),
  intoId: Type.Optional(Id('合并到的观点')),
});
export type ModerateBody = Static<typeof ModerateBody>;
export const CommentModerateBody = Type.Object({
  action: Type.Union(
    ['approve', 'hide', 'restore', 'adopt', 'unadopt'].map((k) => Type.Literal(k)),
    { title: '操作' },
  ),
});

export const DiscussionSettings = Type.Object({
  maxLength: Type.Integer({ minimum: 20, maximum: 1000, title: '观点字数上限' }),
  words: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 500, title: '过滤词' }),
});
export type DiscussionSettings = Static<typeof DiscussionSettings>;

export const SummaryBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 50000, title: '意见汇总' }) });
export const AttachBody = Type.Object({ outcomeId: Id('协商成果') });

export const Statement = Type.Object({
  id: Type.Integer(),
  body: Type.String(),
  author: Type.String(),
  mine: Type.Boolean(),
  state: Type.String(),
  pinned: Type.Boolean(),
  adopted: Type.Boolean(),
  filtered: Type.Boolean(),
  mergedInto: Type.Union([Type.Integer(), Type.Null()]),
  agree: Type.Integer(),
  disagree: Type.Integer(),
  pass: Type.Integer(),
  myVote: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type Statement = Static<typeof Statement>;
