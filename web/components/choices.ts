// antd options from a label table (value → zh_CN label), in the table's order:
// <Radio.Group options={choices({ talk: '约谈', resignationAdvice: '劝辞' })} />, <Select options={choices(MEETING_KINDS)} />;
// and from a list of named records (units, sessions…): <Select options={namedChoices(ref.data?.units)} />.

/** [{ value, label }] for each entry of `labels` (string keys; a key that looks like an integer sorts first, as in JS). */
export function choices(labels: Record<string, string>): { value: string; label: string }[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** [{ value: id, label: name }] for each record, in the list's order; a list not loaded yet (undefined) gives []. */
export function namedChoices<V>(items: readonly { id: V; name: string }[] | undefined): { value: V; label: string }[] {
  return (items ?? []).map((item) => ({ value: item.id, label: item.name }));
}
