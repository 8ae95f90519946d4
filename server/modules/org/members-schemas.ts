import { type Static, Type } from 'typebox';
import { Paging } from '../../platform/routes.ts';
import { LEADERSHIP, MEMBER_STATUS, Nullable } from './common.ts';

export const StrEnum = (values: string[], title: string) =>
  Type.Unsafe<string>({ type: 'string', enum: values, title, description: title });
export const Id = (title: string) => Type.Integer({ title, minimum: 1, maximum: 2147483647 });

export const Named = Type.Object({ id: Type.Integer(), name: Type.String() });
export const MemberOut = Type.Object({
  id: Type.Integer(),
  termId: Type.Integer(),
  termName: Nullable(Type.String()),
  code: Nullable(Type.String()),
  name: Type.String(),
  gender: Nullable(Type.String()),
  ethnicity: Nullable(Type.String()),
  birthDate: Nullable(Type.String()),
  party: Nullable(Type.String()),
  sectorId: Nullable(Type.Integer()),
  sectorName: Nullable(Type.String()),
  specialCommittees: Type.Array(Named),
  groups: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String() })),
  workUnit: Nullable(Type.String()),
  jobTitle: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  idNumber: Nullable(Type.String()),
  standingMember: Type.Boolean(),
  leadershipRole: Nullable(Type.String()),
  status: Type.String(),
  statusDate: Nullable(Type.String()),
  statusReason: Nullable(Type.String()),
  updatedAt: Type.String(),
});

export const MemberQuery = Type.Object({
  ...Paging,
  q: Type.Optional(Type.String({ maxLength: 50, title: '关键词' })),
  termId: Type.Optional(Id('届次')),
  sectorId: Type.Optional(Id('界别')),
  specialCommitteeId: Type.Optional(Id('专委会')),
  groupId: Type.Optional(Id('小组')),
  standingMember: Type.Optional(Type.Boolean({ title: '是否常委' })),
  leadershipRole: Type.Optional(StrEnum([...Object.keys(LEADERSHIP), 'any', 'none'], '领导职务')),
  status: Type.Optional(StrEnum(Object.keys(MEMBER_STATUS), '状态')),
  gender: Type.Optional(StrEnum(['男', '女'], '性别')),
  party: Type.Optional(Type.String({ maxLength: 30, title: '政治面貌' })),
  sort: Type.Optional(StrEnum(['code', 'name', 'birthDate', 'sector', 'updatedAt'], '排序')),
  order: Type.Optional(StrEnum(['asc', 'desc'], '排序方向')),
});

export const ExportQuery = Type.Object({
  ...MemberQuery.properties,
  sensitive: Type.Optional(Type.Boolean({ title: '包含手机号和身份证号' })),
});

export const MemberBody = Type.Object({
  termId: Type.Optional(Id('届次')),
  code: Type.Optional(Type.String({ title: '委员编号', maxLength: 20 })),
  name: Type.String({ title: '姓名', minLength: 1, maxLength: 50 }),
  gender: Type.Optional(StrEnum(['男', '女'], '性别')),
  ethnicity: Type.Optional(Type.String({ title: '民族', maxLength: 20 })),
  birthDate: Type.Optional(Type.String({ title: '出生日期', format: 'date' })),
  party: Type.Optional(Type.String({ title: '政治面貌', maxLength: 30 })),
  sectorId: Id('界别'),
  specialCommitteeIds: Type.Optional(Type.Array(Id('专委会'), { title: '专委会', maxItems: 20 })),
  groupIds: Type.Optional(Type.Array(Id('小组'), { title: '学习组/工作组', maxItems: 20 })),
  workUnit: Type.Optional(Type.String({ title: '工作单位', maxLength: 100 })),
  jobTitle: Type.Optional(Type.String({ title: '职务', maxLength: 50 })),
  phone: Type.Optional(Type.String({ title: '手机号', maxLength: 20 })),
  idNumber: Type.Optional(Type.String({ title: '身份证号', maxLength: 18 })),
  standingMember: Type.Optional(Type.Boolean({ title: '是否常委' })),
  leadershipRole: Type.Optional(StrEnum(Object.keys(LEADERSHIP), '领导职务')),
});

export const ImportOut = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  validOnly: Type.Boolean(),
  status: Type.String(),
  total: Type.Integer(),
  processed: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  skipped: Type.Integer(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), column: Type.String(), message: Type.String() })),
  message: Nullable(Type.String()),
});

export type Body = Static<typeof MemberBody>;
