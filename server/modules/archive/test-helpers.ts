// Helpers for the tests that write 文史 accounts (the archive's own and the figures' recount).

/** A member's first-hand account (亲历记) with the author's consent to publish, valid for POST /api/archive/articles. */
export const ACCOUNT = {
  title: '我所经历的一九七八年恢复高考',
  body: '那年冬天，我在公社插队，听到恢复高考的消息……\n考场设在县一中，煤油灯下复习的情景至今难忘。',
  accountKind: 'experienced',
  period: '改革开放初期',
  place: '示例县第一中学',
  theme: '教育',
  persons: ['张老师'],
  tags: ['高考', '知青'],
  consent: true,
};
