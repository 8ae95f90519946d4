// The antd rules of a text field whose messages name it: rules={textRules('标题', 100)} gives 请填写标题 when empty and
// 「标题」不能超过 100 字 when too long; textRules('村（社区）', 50, { optional: true, unit: '个字' }) only the limit.
import type { FormRule } from 'antd';

/**
 * `label`: the field's name as shown (zh_CN); `max`: the most characters the server takes (the same number as the
 * input's count={{ show: true, max }}); `optional`: no 请填写 rule; `unit`: how the message counts, 字 (default), 个字 or 个字符.
 */
export function textRules(
  label: string,
  max: number,
  opts: { optional?: boolean; unit?: '字' | '个字' | '个字符' } = {},
): FormRule[] {
  const tooLong: FormRule = { max, message: `「${label}」不能超过 ${max} ${opts.unit ?? '字'}` };
  return opts.optional ? [tooLong] : [{ required: true, message: `请填写${label}` }, tooLong];
}
