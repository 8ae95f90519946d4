// textRules: the messages name the field, and the limit is the one given.
import { describe, expect, it } from 'vitest';
import { maxChars, textRules } from './textRules.ts';

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

  it('trim rejects spaces alone; quote both names the field in 「」 in both messages', () => {
    expect(textRules('地点', 100, { trim: true, quote: 'both' })).toEqual([
      { required: true, whitespace: true, message: '请填写「地点」' },
      { max: 100, message: '「地点」不能超过 100 字' },
    ]);
  });

  it('quote none keeps the older wording without 「」', () => {
    expect(textRules('标题', 50, { unit: '个字', quote: 'none' })).toEqual([
      { required: true, message: '请填写标题' },
      { max: 50, message: '标题不能超过 50 个字' },
    ]);
  });

  it('maxChars is the length rule alone, in 个字符', () => {
    expect(maxChars('操作人', 50)).toEqual([{ max: 50, message: '「操作人」不能超过 50 个字符' }]);
  });
});
