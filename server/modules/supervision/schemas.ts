// TypeBox schemas of 随手拍 (snapshotReport): filing, the workflow actions, list filters and the settings.
import { type Static, Type } from 'typebox';
import { Paging } from '../../platform/routes.ts';

const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });
const FileIds = Type.Array(Id('附件'), { maxItems: 9, title: '照片或视频' });

export const ReportInput = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 1000, title: '问题描述' }),
    place: Type.String({ minLength: 1, maxLength: 100, title: '地点' }),
    latitude: Type.Optional(Type.Number({ minimum: -90, maximum: 90, title: '纬度' })),
    longitude: Type.Optional(Type.Number({ minimum: -180, maximum: 180, title: '经度' })),
    urgent: Type.Optional(Type.Boolean({ title: '紧急' })),
    fileIds: FileIds,
  },
  { additionalProperties: false },
);
export type ReportInput = Static<typeof ReportInput>;

export const ReportAction = Type.Object(
  {
    action: Type.Union(
      ['accept', 'decline', 'merge', 'dispatch', 'answer', 'confirm', 'dispute', 'close'].map((x) => Type.Literal(x)),
      { title: '操作' },
    ),
    comment: Type.Optional(Type.String({ maxLength: 2000, title: '意见或理由' })),
    intoId: Type.Optional(Id('合并到')),
    unitId: Type.Optional(Id('承办单位')),
    fileIds: Type.Optional(FileIds),
  },
  { additionalProperties: false },
);
export type ReportAction = Static<typeof ReportAction>;

export const ReportQuery = Type.Object(
  {
    ...Paging,
    state: Type.Optional(Type.String({ maxLength: 20, title: '状态' })),
    unitId: Type.Optional(Id('承办单位')),
    overdue: Type.Optional(Type.Boolean({ title: '超期' })),
    disputed: Type.Optional(Type.Boolean({ title: '有异议' })),
  },
  { additionalProperties: false },
);
export type ReportQuery = Static<typeof ReportQuery>;

export const YearQuery = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100, title: '年度' }) },
  { additionalProperties: false },
);

export const SettingsBody = Type.Object(
  {
    urgentDays: Type.Integer({ minimum: 1, maximum: 60, title: '紧急事项答复期限（工作日）' }),
    normalDays: Type.Integer({ minimum: 1, maximum: 120, title: '一般事项答复期限（工作日）' }),
    remindDaysBefore: Type.Array(Type.Integer({ minimum: 0, maximum: 30 }), { maxItems: 5, title: '提前提醒天数' }),
    uploadMaxMb: Type.Integer({ minimum: 1, maximum: 500, title: '单个文件上限（MB）' }),
  },
  { additionalProperties: false },
);
