// The rules of a text field in the 书香政协 dialogs, in their own wording: lengthRules('书名', 100) gives 请填写书名 when
// empty or blank and 书名不超过 100 字 when too long; lengthRules('作者', 100, { optional: true }) only the limit.
// (The shared textRules words the limit 「书名」不能超过 100 字 and lets blanks through; these dialogs keep theirs.)
import type { FormRule } from 'antd';

/** `label`: the field's name (zh_CN); `max`: the most characters (same as the input's count max). */
export function lengthRules(label: string, max: number, opts: { optional?: boolean } = {}): FormRule[] {
  const tooLong: FormRule = { max, message: `${label}不超过 ${max} 字` };
  return opts.optional ? [tooLong] : [{ required: true, whitespace: true, message: `请填写${label}` }, tooLong];
}
