// Tag colours dark enough for white text (WCAG AA 4.5:1 at 14 px): antd's light preset tags (green, success) fall short.
// Use <Tag color={TAG.green}> for a finished-well state.
export const TAG = {
  green: '#237804',
  orange: '#ad4e00',
  red: '#a8071a',
  blue: '#0958d9',
  gold: '#7c4a03',
  cyan: '#006d75',
  purple: '#531dab',
  grey: '#595959',
} as const;
