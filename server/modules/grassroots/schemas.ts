// The grassroots module's contract: TypeBox schemas of bodies and queries (Chinese titles name the fields in messages),
// and their Static<> types; the web imports the types type-only.
import { type Static, Type } from 'typebox';
import { Id } from '../consultations/schemas.ts';
import { Enum, Nullable } from '../meetings/schema.ts';

const Text = (title: string, maxLength: number, minLength = 0) => Type.String({ title, maxLength, minLength });
const Ids = (title: string, max = 200) => Type.Array(Id(title), { title, maxItems: max });
/** The grassroots lists' paging: pages of up to 200 rows. */
export const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export const RoomBody = Type.Object({
  name: Text('议事室名称', 100, 1),
  township: Text('镇（街道）', 50, 1),
  village: Type.Optional(Text('村（社区）', 50)),
  firstConvener: Text('第一召集人', 50, 1),
  firstConvenerTitle: Type.Optional(Text('第一召集人职务', 50)),
  execConvenerMemberId: Type.Optional(Nullable(Id('执行召集人'))),
  memberIds: Type.Optional(Ids('参加委员')),
  active: Type.Optional(Type.Boolean({ title: '是否启用' })),
});
export type RoomInput = Static<typeof RoomBody>;

export const RoomQuery = Type.Object({
  q: Type.Optional(Text('关键词', 100)),
  township: Type.Optional(Text('镇（街道）', 50)),
  active: Type.Optional(Enum(['true', 'false'], '是否启用')),
  ...Paging,
});
export type RoomFilter = Static<typeof RoomQuery>;

export const TopicBody = Type.Object({
  title: Text('议题', 100, 1),
  body: Type.Optional(Text('具体内容', 2000)),
  /** Staff raise a topic for the township; members raise their own (the source follows the role). */
  source: Type.Optional(Enum(['member', 'township'], '议题来源')),
});
export type TopicInput = Static<typeof TopicBody>;

export const TopicAnswerBody = Type.Object({
  action: Enum(['accept', 'decline'], '处理'),
  reason: Type.Optional(Text('不予受理理由', 500)),
});
export type TopicAnswer = Static<typeof TopicAnswerBody>;

export const TopicQuery = Type.Object({
  roomId: Type.Optional(Id('议事室')),
  state: Type.Optional(Enum(['raised', 'accepted', 'declined', 'scheduled', 'concluded'], '状态')),
  source: Type.Optional(Enum(['member', 'township', 'resident', 'hotline'], '来源')),
  ...Paging,
});
export type TopicFilter = Static<typeof TopicQuery>;

export const SessionBody = Type.Object({
  title: Text('协商活动名称', 100, 1),
  form: Enum(['offline', 'online', 'both'], '协商形式'),
  startsAt: Type.String({ title: '开始时间', format: 'date-time' }),
  endsAt: Type.String({ title: '结束时间', format: 'date-time' }),
  place: Text('地点', 100, 1),
  topicIds: Type.Array(Id('议题'), { title: '议题', minItems: 1, maxItems: 20 }),
  /** Residents and officials taking part, by name (members come from the room). */
  guests: Type.Optional(
    Type.Array(
      Type.Object({
        kind: Enum(['party', 'official', 'expert', 'citizen'], '参加人类别'),
        name: Text('姓名', 50, 1),
        organisation: Type.Optional(Text('单位', 100)),
      }),
      { title: '其他参加人员', maxItems: 200 },
    ),
  ),
});
export type SessionInput = Static<typeof SessionBody>;

export const AgreedItemBody = Type.Object({
  content: Text('议定事项', 1000, 1),
  topicId: Type.Optional(Nullable(Id('议题'))),
  unitId: Id('承办单位'),
});
export type AgreedItemInput = Static<typeof AgreedItemBody>;

export const FeedbackBody = Type.Object({ feedback: Text('办理情况', 4000, 1) });

export const StudioBody = Type.Object({
  name: Text('工作室名称', 100, 1),
  kind: Enum(['township', 'park', 'sector', 'personal'], '工作室类型'),
  place: Type.Optional(Text('地址', 100)),
  leaderMemberId: Type.Optional(Nullable(Id('负责人'))),
  memberIds: Type.Optional(Ids('入驻委员')),
  active: Type.Optional(Type.Boolean({ title: '是否启用' })),
});
export type StudioInput = Static<typeof StudioBody>;

export const StudioQuery = Type.Object({
  q: Type.Optional(Text('关键词', 100)),
  kind: Type.Optional(Enum(['township', 'park', 'sector', 'personal'], '工作室类型')),
  ...Paging,
});
export type StudioFilter = Static<typeof StudioQuery>;

export const SuggestionBody = Type.Object({
  studioId: Type.Optional(Id('委员工作室')),
  roomId: Type.Optional(Id('协商议事室')),
  title: Text('标题', 100, 1),
  body: Text('建议内容', 2000, 1),
});
export type SuggestionInput = Static<typeof SuggestionBody>;

export const SuggestionActionBody = Type.Object({
  action: Enum(['answer', 'forward', 'draftProposal'], '处理方式'),
  answer: Type.Optional(Text('答复', 2000)),
  unitId: Type.Optional(Id('承办单位')),
  memberId: Type.Optional(Id('委员')),
});
export type SuggestionAction = Static<typeof SuggestionActionBody>;

export const SuggestionQuery = Type.Object({
  studioId: Type.Optional(Id('委员工作室')),
  roomId: Type.Optional(Id('协商议事室')),
  state: Type.Optional(Enum(['submitted', 'answered', 'forwarded', 'fedBack', 'drafted'], '状态')),
  ...Paging,
});
export type SuggestionFilter = Static<typeof SuggestionQuery>;

const Phone = Type.String({ title: '手机号码', pattern: '^1[3-9][0-9]{9}$', minLength: 11, maxLength: 11 });
export const PublicToken = Type.Object({ token: Type.String({ title: '二维码', pattern: '^[A-Za-z0-9_-]{16,64}$' }) });
export const CodeRequestBody = Type.Object({ phone: Phone });
export const PublicTopicBody = Type.Object({
  phone: Phone,
  code: Type.String({ title: '验证码', pattern: '^[0-9]{6}$' }),
  title: Text('议题', 100, 1),
  body: Type.Optional(Text('具体内容', 2000)),
});
export type PublicTopicInput = Static<typeof PublicTopicBody>;

const Count = (title: string, max: number) => Type.Integer({ title, minimum: 1, maximum: max });
export const SettingsBody = Type.Object({
  itemFeedbackWorkingDays: Count('议定事项反馈期限（工作日）', 120),
  suggestionWorkingDays: Count('微建议答复期限（工作日）', 120),
  codeMinutes: Count('验证码有效时间（分钟）', 60),
  codeMaxAttempts: Count('验证码可输错次数', 20),
  codesPerPhonePerHour: Count('每个手机号每小时可获取验证码次数', 50),
  codesPerAddressPerHour: Count('每个网络地址每小时可获取验证码次数', 1000),
  submissionsPerPhonePerDay: Count('每个手机号每天可提交次数', 100),
});
