// Colours of the event states on the consultation pages.
import { TAG } from '../../components/tagColors.ts';

export const STATE_COLORS: Record<string, string> = {
  preparation: 'default',
  noticed: 'blue',
  held: TAG.green,
  minuted: TAG.cyan,
  done: TAG.green,
  cancelled: 'red',
};

/** The text a form holds, without dates or selections: what a draft keeps (a stored date would not restore as one). */
export function textOnly<V extends object>(values: V): V {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, v]) => typeof v === 'string')) as V;
}
