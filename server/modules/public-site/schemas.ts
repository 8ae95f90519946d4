// The public site's contract: news bodies and lists (staff), the public's proposal idea (提案线索), handing it to a
// member; the committee is named in public paths by its 6-digit region code.
import { type Static, Type } from 'typebox';
import { Id } from '../consultations/schemas.ts';
import { CodeRequestBody } from '../grassroots/schemas.ts';
import { Enum } from '../meetings/schema.ts';

const Text = (title: string, maxLength: number, minLength = 0) => Type.String({ title, maxLength, minLength });
const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
};

export const NewsBody = Type.Object({
  kind: Enum(['news', 'notice'], '类别'),
  title: Text('标题', 100, 1),
  body: Text('正文', 20000, 1),
});
export type NewsInput = Static<typeof NewsBody>;

export const NewsQuery = Type.Object({
  kind: Type.Optional(Enum(['news', 'notice'], '类别')),
  state: Type.Optional(Enum(['draft', 'published'], '状态')),
  q: Type.Optional(Text('关键词', 100)),
  ...Paging,
});
export type NewsFilter = Static<typeof NewsQuery>;

export const CommitteeParams = Type.Object({ code: Type.String({ title: '政协代码', pattern: '^\\d{6}$' }) });
export const CommitteeItemParams = Type.Object({
  code: CommitteeParams.properties.code,
  id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});
export const PublicPaging = Type.Object(Paging);
export const PublicCodeBody = CodeRequestBody;

export const IdeaBody = Type.Object({
  phone: CodeRequestBody.properties.phone,
  code: Type.String({ title: '验证码', pattern: '^[0-9]{6}$' }),
  title: Text('提案线索标题', 50, 1),
  body: Text('具体内容', 2000, 1),
});
export type IdeaInput = Static<typeof IdeaBody>;

export const IdeaQuery = Type.Object({ state: Type.Optional(Enum(['new', 'handed'], '状态')), ...Paging });
export type IdeaFilter = Static<typeof IdeaQuery>;

export const HandBody = Type.Object({
  memberId: Id('交给委员'),
  note: Type.Optional(Text('交办说明', 500)),
});
export type HandInput = Static<typeof HandBody>;
