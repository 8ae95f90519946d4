// Colours of the event states on the consultation pages.
export const STATE_COLORS: Record<string, string> = {
  preparation: 'default',
  noticed: 'blue',
  held: 'green',
  minuted: 'cyan',
  done: 'success',
  cancelled: 'red',
};
