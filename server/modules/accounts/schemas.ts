import { type Static, Type } from 'typebox';
import { ROLE_LIST } from '../../platform/auth/permissions.ts';
import { Paging } from '../../platform/routes.ts';
import { Nullable } from '../org/common.ts';

export const StrEnum = (values: string[], title: string) =>
  Type.Unsafe<string>({ type: 'string', enum: values, title, description: title });
export const Id = (title: string) => Type.Integer({ title, minimum: 1, maximum: 2147483647 });

export const AccountOut = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  roleNames: Type.Array(Type.String()),
  memberId: Nullable(Type.Integer()),
  memberName: Nullable(Type.String()),
  unitId: Nullable(Type.Integer()),
  unitName: Nullable(Type.String()),
  orgId: Nullable(Type.Integer()),
  orgName: Nullable(Type.String()),
  informantId: Nullable(Type.Integer()),
  informantName: Nullable(Type.String()),
  office: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  mustChangePassword: Type.Boolean(),
  locked: Type.Boolean(),
  failedLogins: Type.Integer(),
  disabled: Type.Boolean(),
  lastLoginAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const AccountQuery = Type.Object({
  ...Paging,
  q: Type.Optional(Type.String({ title: '关键词', maxLength: 50 })),
  role: Type.Optional(StrEnum(ROLE_LIST, '角色')),
  state: Type.Optional(StrEnum(['active', 'disabled', 'locked', 'mustChange'], '状态')),
});

export const Links = {
  memberId: Type.Optional(Id('关联委员')),
  unitId: Type.Optional(Id('关联承办单位')),
  orgId: Type.Optional(Id('关联党派团体')),
  informantId: Type.Optional(Id('关联信息员')),
};
export const EditBody = Type.Object({
  displayName: Type.String({ title: '姓名/名称', minLength: 1, maxLength: 50 }),
  roles: Type.Array(StrEnum(ROLE_LIST, '角色'), { title: '角色', minItems: 1, maxItems: 11 }),
  ...Links,
  office: Type.Optional(Type.String({ title: '所在处室', maxLength: 50 })),
  phone: Type.Optional(Type.String({ title: '手机号', maxLength: 20 })),
  email: Type.Optional(Type.String({ title: '电子邮箱', maxLength: 100, format: 'email' })),
});
export const CreateBody = Type.Object({
  username: Type.String({ title: '用户名', pattern: '^[A-Za-z0-9_.@-]{3,32}$', minLength: 3, maxLength: 32 }),
  password: Type.String({ title: '初始密码', minLength: 1, maxLength: 64 }),
  ...EditBody.properties,
});
export type Edit = Static<typeof EditBody>;
