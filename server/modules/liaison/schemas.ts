// TypeBox schemas of liaison (联系): contact points, relationships and contact logs.
import { type Static, Type } from 'typebox';

const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });

export const PointInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, title: '联络点名称' }),
    area: Type.Optional(Type.String({ maxLength: 100, title: '所在区域' })),
  },
  { additionalProperties: false },
);
export type PointInput = Static<typeof PointInput>;

export const LinkInput = Type.Object(
  {
    scheme: Type.Union(
      ['leaderMember', 'committeeSector', 'partyNonParty', 'memberPublic'].map((x) => Type.Literal(x)),
      { title: '联系制度' },
    ),
    ownerMemberId: Type.Optional(Id('联系人（委员）')),
    ownerSpecialCommitteeId: Type.Optional(Id('联系专委会')),
    memberId: Type.Optional(Id('联系委员')),
    contactPointId: Type.Optional(Id('联络点')),
    frequencyDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3660, title: '联系频次（天）' })),
  },
  { additionalProperties: false },
);
export type LinkInput = Static<typeof LinkInput>;

export const ContactInput = Type.Object(
  {
    method: Type.Union(
      ['visit', 'phone', 'meeting', 'online', 'other'].map((x) => Type.Literal(x)),
      { title: '联系方式' },
    ),
    contactedOn: Type.Optional(Type.String({ format: 'date', title: '联系日期' })),
    raised: Type.Optional(Type.String({ maxLength: 2000, title: '反映的问题' })),
    followup: Type.Optional(Type.String({ maxLength: 2000, title: '后续处理' })),
  },
  { additionalProperties: false },
);
export type ContactInput = Static<typeof ContactInput>;

export const LinkQuery = Type.Object({
  mine: Type.Optional(Type.Boolean({ title: '只看我的' })),
  overdue: Type.Optional(Type.Boolean({ title: '只看超期' })),
  scheme: Type.Optional(Type.String({ maxLength: 30, title: '联系制度' })),
});

export const CoverageQuery = Type.Object({
  by: Type.Union([Type.Literal('owner'), Type.Literal('specialCommittee'), Type.Literal('sector')], {
    title: '统计口径',
  }),
});

const Days = (title: string) => Type.Integer({ minimum: 1, maximum: 3660, title });
export const LiaisonSettingsBody = Type.Object(
  {
    frequencyDays: Type.Object(
      {
        leaderMember: Days('领导联系委员（天）'),
        committeeSector: Days('专委会联系界别委员（天）'),
        partyNonParty: Days('党员委员联系党外委员（天）'),
        memberPublic: Days('委员联系群众（天）'),
      },
      { additionalProperties: false, title: '联系频次' },
    ),
  },
  { additionalProperties: false },
);
