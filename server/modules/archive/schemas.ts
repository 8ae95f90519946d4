// TypeBox schemas and Static<> types of the archive routes: the one contract; the web imports the types type-only.
import { type Static, type TSchema, Type } from 'typebox';
import { Paging } from '../../platform/routes.ts';

const N = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });
const Words = (title: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 30, title }), { maxItems: 30, title });

export const TopicInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 100, title: '选题名称' }),
  description: Type.Optional(Type.String({ maxLength: 5000, title: '征集说明' })),
  period: Type.Optional(Type.String({ maxLength: 50, title: '历史时期' })),
  closesOn: Type.Optional(N(Type.String({ format: 'date', title: '截止日期' }))),
});
export type TopicInput = Static<typeof TopicInput>;

/** An account's text: the same limits when the author submits it and when the editor edits it. */
const ArticleText = {
  title: Type.String({ minLength: 1, maxLength: 100, title: '标题' }),
  body: Type.String({ minLength: 1, maxLength: 100000, title: '正文' }),
};
/** Where and when an account stands, and who and what it names: searched by and shown beside the text. */
const ArticleContext = {
  period: Type.Optional(Type.String({ maxLength: 50, title: '历史时期' })),
  place: Type.Optional(Type.String({ maxLength: 100, title: '地点' })),
  theme: Type.Optional(Type.String({ maxLength: 50, title: '主题' })),
  persons: Type.Optional(Words('人物')),
  tags: Type.Optional(Words('标签')),
};
const VillageRef = Type.Optional(N(Id('村史项目')));
const ArticleFields = {
  ...ArticleText,
  accountKind: Type.Union([Type.Literal('experienced'), Type.Literal('witnessed'), Type.Literal('heard')], {
    title: '史料类别',
  }),
  ...ArticleContext,
  topicId: Type.Optional(N(Id('征集选题'))),
  villageId: VillageRef,
  fileIds: Type.Optional(Type.Array(Id('照片、扫描件或录音'), { maxItems: 30, title: '照片、扫描件或录音' })),
};
export const ArticleSubmit = Type.Object({
  ...ArticleFields,
  consent: Type.Boolean({ title: '授权编辑出版' }),
});
export type ArticleSubmit = Static<typeof ArticleSubmit>;

export const ArticleEdit = Type.Object({
  ...ArticleText,
  editorNote: Type.Optional(Type.String({ maxLength: 5000, title: '编者按语' })),
  ...ArticleContext,
  villageId: VillageRef,
});
export type ArticleEdit = Static<typeof ArticleEdit>;

export const ArticleFilters = Type.Object({
  ...Paging,
  q: Type.Optional(Type.String({ maxLength: 100, title: '关键词' })),
  state: Type.Optional(Type.String({ maxLength: 20, title: '状态' })),
  period: ArticleContext.period,
  place: ArticleContext.place,
  theme: ArticleContext.theme,
  person: Type.Optional(Type.String({ maxLength: 30, title: '人物' })),
  tag: Type.Optional(Type.String({ maxLength: 30, title: '标签' })),
  volumeId: Type.Optional(Id('辑')),
  topicId: Type.Optional(Id('征集选题')),
  villageId: Type.Optional(Id('村史项目')),
  mine: Type.Optional(Type.Boolean({ title: '只看我的' })),
});
export type ArticleFilters = Static<typeof ArticleFilters>;

export const VolumeInput = Type.Object({
  number: Type.Integer({ minimum: 1, maximum: 10000, title: '辑号' }),
  title: Type.String({ minLength: 1, maxLength: 100, title: '书名' }),
  description: Type.Optional(Type.String({ maxLength: 5000, title: '简介' })),
});
export type VolumeInput = Static<typeof VolumeInput>;

export const ActionBody = Type.Object({
  action: Type.String({ minLength: 1, maxLength: 40, title: '操作' }),
  comment: Type.Optional(Type.String({ maxLength: 2000, title: '意见' })),
  data: Type.Optional(
    Type.Object(
      {
        volumeId: Type.Optional(Id('辑')),
        order: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, title: '篇目顺序' })),
      },
      { title: '数据' },
    ),
  ),
});
export type ActionBody = Static<typeof ActionBody>;

export const VILLAGE_STATES: Record<string, string> = {
  planning: '筹备中',
  compiling: '编纂中',
  reviewing: '审稿中',
  published: '已出版',
  suspended: '暂停',
};

/** The village list's filters: a township (乡镇) and a project state, both optional. */
export const VillageFilters = Type.Object(
  {
    township: Type.Optional(Type.String({ maxLength: 50, title: '乡镇（街道）' })),
    state: Type.Optional(
      Type.Union(
        Object.keys(VILLAGE_STATES).map((k) => Type.Literal(k)),
        { title: '项目状态' },
      ),
    ),
  },
  { additionalProperties: false },
);
export const VillageInput = Type.Object({
  village: Type.String({ minLength: 1, maxLength: 50, title: '村（社区）' }),
  township: Type.String({ minLength: 1, maxLength: 50, title: '乡镇（街道）' }),
  title: Type.String({ minLength: 1, maxLength: 100, title: '村史名称' }),
  description: Type.Optional(Type.String({ maxLength: 5000, title: '项目说明' })),
  editors: Type.Array(Type.String({ minLength: 1, maxLength: 30, title: '编纂人员' }), {
    maxItems: 30,
    title: '编纂人员',
  }),
  state: Type.Union(
    Object.keys(VILLAGE_STATES).map((k) => Type.Literal(k)),
    { title: '项目状态' },
  ),
  startedOn: Type.Optional(N(Type.String({ format: 'date', title: '启动日期' }))),
  publishedOn: Type.Optional(N(Type.String({ format: 'date', title: '出版日期' }))),
});
export type VillageInput = Static<typeof VillageInput>;
