// TypeBox schemas and Static<> types of the learning routes: the one contract; the web imports the types type-only.
import { type Static, type TSchema, Type } from 'typebox';
import { Paging, SimpleAction } from '../../platform/routes.ts';

const N = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });
const Year = Type.Integer({ minimum: 2000, maximum: 2100, title: '年度' });

export const MATERIAL_KINDS: Record<string, string> = { document: '文档', pdf: 'PDF', audio: '音频', video: '视频' };

export const Theme = Type.Object({
  term: Type.String({ minLength: 1, maxLength: 30, title: '学期' }),
  title: Type.String({ minLength: 1, maxLength: 100, title: '学习主题' }),
  description: Type.Optional(Type.String({ maxLength: 2000, title: '主题说明' })),
});
export const PlanInput = Type.Object({
  year: Year,
  title: Type.String({ minLength: 1, maxLength: 100, title: '计划名称' }),
  description: Type.Optional(Type.String({ maxLength: 10000, title: '计划说明' })),
  themes: Type.Array(Theme, { maxItems: 24, title: '学习主题' }),
});
export type PlanInput = Static<typeof PlanInput>;
export const PlanOut = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
  themes: Type.Array(Theme),
});

export const MaterialInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 100, title: '资料名称' }),
  kind: Type.Union(
    Object.keys(MATERIAL_KINDS).map((k) => Type.Literal(k)),
    { title: '资料类型' },
  ),
  description: Type.Optional(Type.String({ maxLength: 5000, title: '资料简介' })),
  planId: Type.Optional(N(Id('学习计划'))),
  theme: Type.Optional(Type.String({ maxLength: 100, title: '学习主题' })),
  fileId: Id('资料文件'),
  durationSeconds: Type.Optional(N(Type.Integer({ minimum: 1, maximum: 86400, title: '时长（秒）' }))),
});
export type MaterialInput = Static<typeof MaterialInput>;

export const MaterialFilters = Type.Object({
  ...Paging,
  q: Type.Optional(Type.String({ maxLength: 100, title: '关键词' })),
  kind: Type.Optional(Type.String({ maxLength: 20, title: '资料类型' })),
  state: Type.Optional(Type.String({ maxLength: 20, title: '状态' })),
  planId: Type.Optional(Id('学习计划')),
});
export type MaterialFilters = Static<typeof MaterialFilters>;

// A document sends percent (the member marks it learnt); a video or audio sends where the player is and the media's
// length, and the server works out the percent, so one "done" tap cannot skip the media.
export const ProgressInput = Type.Object(
  {
    percent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, title: '学习进度' })),
    positionSeconds: Type.Optional(Type.Number({ minimum: 0, maximum: 86400, title: '播放位置' })),
    durationSeconds: Type.Optional(Type.Number({ minimum: 1, maximum: 86400, title: '时长' })),
  },
  { additionalProperties: false },
);
export type ProgressInput = Static<typeof ProgressInput>;
export const ProgressOut = Type.Object({
  percent: Type.Integer(),
  positionSeconds: Type.Integer(),
  durationSeconds: Type.Union([Type.Integer(), Type.Null()]),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});

export const ClassInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 100, title: '培训班名称' }),
  year: Year,
  planId: Type.Optional(N(Id('学习计划'))),
  description: Type.Optional(Type.String({ maxLength: 5000, title: '培训班说明' })),
  memberIds: Type.Array(Id('学员'), { minItems: 1, maxItems: 2000, title: '学员' }),
});
export type ClassInput = Static<typeof ClassInput>;

export const SessionInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 100, title: '课次名称' }),
  startsAt: Type.String({ format: 'date-time', title: '开始时间' }),
  endsAt: Type.String({ format: 'date-time', title: '结束时间' }),
  place: Type.String({ minLength: 1, maxLength: 100, title: '地点' }),
});
export type SessionInput = Static<typeof SessionInput>;

export const ReflectionInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 100, title: '心得标题' }),
  body: Type.String({ minLength: 1, maxLength: 20000, title: '心得内容' }),
  materialId: Type.Optional(N(Id('学习资料'))),
  classId: Type.Optional(N(Id('培训班'))),
});
export type ReflectionInput = Static<typeof ReflectionInput>;

export const ReflectionFilters = Type.Object({
  ...Paging,
  state: Type.Optional(Type.String({ maxLength: 20, title: '状态' })),
  q: Type.Optional(Type.String({ maxLength: 100, title: '关键词' })),
  mine: Type.Optional(Type.Boolean({ title: '只看我的' })),
});
export type ReflectionFilters = Static<typeof ReflectionFilters>;

export const CompletionFilters = Type.Object({
  year: Year,
  by: Type.Optional(
    Type.Union([Type.Literal('member'), Type.Literal('sector'), Type.Literal('specialCommittee')], {
      title: '统计维度',
    }),
  ),
});
export type CompletionFilters = Static<typeof CompletionFilters>;

/** A workflow action by name with an optional comment: the platform's SimpleAction. */
export const ActionBody = SimpleAction;
export type ActionBody = Static<typeof ActionBody>;

export const LearningSettings = Type.Object({
  videoMaxMb: Type.Integer({ minimum: 1, maximum: 2048, title: '视频大小上限（MB）' }),
  audioMaxMb: Type.Integer({ minimum: 1, maximum: 1024, title: '音频大小上限（MB）' }),
  documentMaxMb: Type.Integer({ minimum: 1, maximum: 200, title: '文档大小上限（MB）' }),
  videoTypes: Type.Array(Type.Union([Type.Literal('mp4'), Type.Literal('webm')]), { minItems: 1, title: '视频格式' }),
  audioTypes: Type.Array(Type.Union([Type.Literal('mp3'), Type.Literal('m4a')]), {
    minItems: 1,
    title: '音频格式',
  }),
  finishPercent: Type.Integer({ minimum: 50, maximum: 100, title: '视为学完的进度（%）' }),
});
export type LearningSettings = Static<typeof LearningSettings>;
