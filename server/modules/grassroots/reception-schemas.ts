// The reception rota's contract (委员会客室): the rota of a studio by Beijing date, a question from the public, the
// member's answer.
import { type Static, Type } from 'typebox';
import { Id } from '../consultations/schemas.ts';
import { Nullable } from '../meetings/schema.ts';
import { CodeRequestBody } from './schemas.ts';

const Day = (title: string) => Type.String({ title, format: 'date' });

export const RotaQuery = Type.Object({ from: Day('开始日期'), to: Day('结束日期') });
export const RotaBody = Type.Object({
  entries: Type.Array(Type.Object({ date: Day('值班日期'), memberId: Nullable(Id('值班委员')) }), {
    title: '值班安排',
    minItems: 1,
    maxItems: 400,
  }),
});
export type RotaInput = Static<typeof RotaBody>;

export const QuestionBody = Type.Object({
  phone: CodeRequestBody.properties.phone,
  code: Type.String({ title: '验证码', pattern: '^[0-9]{6}$' }),
  question: Type.String({ title: '问题', minLength: 1, maxLength: 1000 }),
});
export type QuestionInput = Static<typeof QuestionBody>;

export const AnswerBody = Type.Object({
  answer: Type.String({ title: '答复', minLength: 1, maxLength: 2000 }),
  showPublic: Type.Boolean({ title: '在公开页面展示' }),
});
export type AnswerInput = Static<typeof AnswerBody>;
