// The 字号 choices (适老化, issue 12) without React: the app's TextSizeProvider (textSize.tsx), the plain login page and
// the member's plain home (web/login, web/home) read and write the same keys in localStorage.
export type TextSize = 'normal' | 'large' | 'xlarge';

/** Each choice, its menu label (标准字号…) prefix and the factor on every font size. */
export const TEXT_SIZES: { key: TextSize; label: string; scale: number }[] = [
  { key: 'normal', label: '标准', scale: 1 },
  { key: 'large', label: '大', scale: 1.125 },
  { key: 'xlarge', label: '特大', scale: 1.25 },
];

/** The last choice made on this device (the login page uses it before anyone is signed in). */
export const TEXT_SIZE_LAST = 'zx:text-size:last';

/** The key of one account's choice on this device. */
export function textSizeKey(committeeId: number, accountId: number): string {
  return `zx:text-size:${committeeId}:${accountId}`;
}

/** The choice stored under key (else the last one on this device, else 标准); 标准 when storage is unavailable. */
export function readTextSize(key: string): TextSize {
  try {
    const v = localStorage.getItem(key) ?? localStorage.getItem(TEXT_SIZE_LAST);
    return TEXT_SIZES.some((s) => s.key === v) ? (v as TextSize) : 'normal';
  } catch {
    return 'normal';
  }
}

/** The factor on every font size for a choice (1 for 标准). */
export function textScale(size: TextSize): number {
  return TEXT_SIZES.find((t) => t.key === size)?.scale ?? 1;
}
