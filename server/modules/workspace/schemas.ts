// TypeBox schemas of the workspace (专委会・界别工作台, 一委一品, 月汇报).
import { type Static, Type } from 'typebox';

const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });
const Year = Type.Integer({ minimum: 2000, maximum: 2100, title: '年度' });
const Text = (max: number, title: string) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S', title });

export const YearQuery = Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false });

export const ProjectInput = Type.Object(
  { year: Year, title: Text(100, '项目名称'), goal: Text(2000, '项目目标') },
  { additionalProperties: false },
);
export type ProjectInput = Static<typeof ProjectInput>;

export const MilestoneInput = Type.Object(
  { title: Text(100, '节点名称'), dueOn: Type.String({ format: 'date', title: '完成时限' }) },
  { additionalProperties: false },
);

export const MilestoneDoneInput = Type.Object(
  { done: Type.Boolean({ title: '是否完成' }) },
  { additionalProperties: false },
);

export const ProgressInput = Type.Object(
  {
    text: Text(2000, '进展情况'),
    entryOn: Type.Optional(Type.String({ format: 'date', title: '日期' })),
    fileIds: Type.Optional(Type.Array(Id('照片'), { maxItems: 9, title: '照片' })),
  },
  { additionalProperties: false },
);

const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', title: '月份（如 2026-11）' });

export const ReportInput = Type.Object(
  { specialCommitteeId: Id('专委会'), month: Month },
  { additionalProperties: false },
);

export const ReportQuery = Type.Object(
  {
    specialCommitteeId: Type.Optional(Id('专委会')),
    year: Type.Optional(Year),
    state: Type.Optional(
      Type.Union(
        ['draft', 'submitted', 'read'].map((x) => Type.Literal(x)),
        { title: '状态' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ReportEdit = Type.Object({ body: Text(20000, '月汇报正文') }, { additionalProperties: false });

export const ReportAction = Type.Object(
  {
    action: Type.Union(
      ['submit', 'comment', 'return'].map((x) => Type.Literal(x)),
      { title: '操作' },
    ),
    comment: Type.Optional(Type.String({ maxLength: 2000, title: '批注意见' })),
  },
  { additionalProperties: false },
);

export const WorkspaceSettingsBody = Type.Object(
  {
    reportDueDay: Type.Integer({ minimum: 1, maximum: 28, title: '月汇报报送日（次月几日前）' }),
    bySpecialCommittee: Type.Record(
      Type.String({ pattern: '^[0-9]+$' }),
      Type.Integer({ minimum: 1, maximum: 28, title: '专委会的报送日' }),
      { title: '各专委会的报送日' },
    ),
  },
  { additionalProperties: false },
);
