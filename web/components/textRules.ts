// The antd rules of a text field whose messages name it: rules={textRules('标题', 100)} gives 请填写标题 when empty and
// 「标题」不能超过 100 字 when too long; textRules('村（社区）', 50, { optional: true, unit: '个字' }) only the limit;
// textRules('地点', 100, { trim: true, quote: 'both' }) gives 请填写「地点」 (spaces alone count as empty).
import type { FormRule } from 'antd';

/**
 * `label`: the field's name as shown (zh_CN); `max`: the most characters the server takes (the same number as the
 * input's count={{ show: true, max }}); `optional`: no 请填写 rule; `unit`: how the message counts, 字 (default), 个字 or 个字符;
 * `trim`: spaces alone count as empty (antd's whitespace rule); `quote`: which messages put the label in 「」 —
 * 'limit' (default: only 不能超过), 'both', or 'none' (pages written before the convention keep their wording).
 */
export function textRules(
  label: string,
  max: number,
  opts: {
    optional?: boolean;
    unit?: '字' | '个字' | '个字符';
    trim?: boolean;
    quote?: 'limit' | 'both' | 'none';
  } = {},
): FormRule[] {
  const quote = opts.quote ?? 'limit';
  const tooLong: FormRule = {
    max,
    message: `${quote === 'none' ? label : `「${label}」`}不能超过 ${max} ${opts.unit ?? '字'}`,
  };
  if (opts.optional) return [tooLong];
  const needed: FormRule = { required: true, message: `请填写${quote === 'both' ? `「${label}」` : label}` };
  return [opts.trim ? { ...needed, whitespace: true } : needed, tooLong];
}

/** The length rule alone, counted in 个字符: rules={maxChars('操作人', 50)} gives 「操作人」不能超过 50 个字符. */
export function maxChars(label: string, max: number): FormRule[] {
  return textRules(label, max, { optional: true, unit: '个字符' });
}
