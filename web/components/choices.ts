// antd options from a label table (value → zh_CN label), in the table's order:
// <Radio.Group options={choices({ talk: '约谈', resignationAdvice: '劝辞' })} />, <Select options={choices(MEETING_KINDS)} />.

/** [{ value, label }] for each entry of `labels` (string keys; a key that looks like an integer sorts first, as in JS). */
export function choices(labels: Record<string, string>): { value: string; label: string }[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}
