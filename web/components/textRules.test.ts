// textRules: the messages name the field, and the limit is the one given.
import { describe, expect, it } from 'vitest';
import { textRules } from './textRules.ts';

describe('textRules', () => {
  it('a required field: 请填写 and the limit in 字', () => {
    expect(textRules('标题', 100)).toEqual([
      { required: true, message: '请填写标题' },
      { max: 100, message: '「标题」不能超过 100 字' },
    ]);
  });

  it('an optional field counted in 个字 has only the limit', () => {
    expect(textRules('村（社区）', 50, { optional: true, unit: '个字' })).toEqual([
      { max: 50, message: '「村（社区）」不能超过 50 个字' },
    ]);
  });
});
