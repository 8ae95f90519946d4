import { Type } from 'typebox';
import { Enum, Nullable } from '../meetings/schema.ts';
import { GRADE_LABELS, RuleSetSchema } from './rules.ts';

export const Year = Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 });
export const Id = (title: string) => Type.Integer({ title, minimum: 1, maximum: 2147483647 });
export const VersionRef = Type.Object({
  id: Type.Integer(),
  version: Type.Integer(),
  year: Type.Integer(),
  name: Type.String(),
});
export const Category = Type.Object({ key: Type.String(), name: Type.String(), cap: Nullable(Type.Number()) });
export const ExplanationSchema = Type.Object({
  year: Type.Integer(),
  version: VersionRef,
  base: Type.Number(),
  maxTotal: Nullable(Type.Number()),
  passMark: Type.Number(),
  total: Type.Number(),
  grade: Type.String(),
  gradeLabel: Type.String(),
  categories: Type.Array(
    Type.Object({
      key: Type.String(),
      name: Type.String(),
      cap: Nullable(Type.Number()),
      floor: Nullable(Type.Number()),
      raw: Type.Number(),
      points: Type.Number(),
    }),
  ),
  lines: Type.Array(
    Type.Object({
      factId: Type.Integer(),
      kind: Type.String(),
      kindLabel: Type.String(),
      role: Type.String(),
      roleLabel: Type.String(),
      occurredOn: Type.String(),
      sourceType: Type.String(),
      sourceId: Type.Integer(),
      title: Nullable(Type.String()),
      detailText: Type.String(),
      rule: Nullable(Type.String()),
      category: Nullable(Type.String()),
      points: Type.Number(),
      note: Nullable(Type.String()),
    }),
  ),
  checklist: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      min: Type.Integer(),
      count: Type.Integer(),
      done: Type.Boolean(),
    }),
  ),
  notes: Type.Array(Type.String()),
});
export const MemberPage = Type.Object({
  member: Type.Object({ id: Type.Integer(), name: Type.String() }),
  explanation: ExplanationSchema,
  median: Nullable(Type.Number()),
  reminders: Type.Array(Type.String()),
  commendations: Type.Array(Type.Object({ year: Type.Integer(), title: Type.String(), reason: Type.String() })),
});
export const RuleVersionSchema = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  version: Type.Integer(),
  name: Type.String(),
  rules: RuleSetSchema,
  note: Nullable(Type.String()),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
});
export const ScoreQuery = {
  year: Type.Optional(Year),
  sectorId: Type.Optional(Id('界别')),
  specialCommitteeId: Type.Optional(Id('专委会')),
  groupId: Type.Optional(Id('小组')),
  grade: Type.Optional(Enum(Object.keys(GRADE_LABELS), '等次')),
  belowPass: Type.Optional(Type.Boolean({ title: '只看未达合格分' })),
  missingChecklist: Type.Optional(Type.Boolean({ title: '只看未完成基本要求' })),
  q: Type.Optional(Type.String({ title: '姓名或编号', maxLength: 50 })),
  sort: Type.Optional(Enum(['code', 'totalAsc', 'totalDesc'], '排序')),
};
