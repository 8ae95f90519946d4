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
