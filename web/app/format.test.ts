// Dates on screen are Beijing's whatever the browser's zone (the suite runs in America/Los_Angeles on CI, see .ci/run).
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format.ts';

describe('北京时间显示', () => {
  it('UTC 时刻按北京时间显示，跨年也对', () => {
    expect(formatDateTime('2026-12-31T16:30:00Z')).toBe('2027年1月1日 00:30');
    expect(formatDate('2026-12-31T15:59:59Z')).toBe('2026年12月31日');
    expect(formatDateTime(Date.UTC(2026, 6, 1, 4, 5))).toBe('2026年7月1日 12:05');
  });
  it('只有日期的值按原样显示，空值显示 —', () => {
    expect(formatDate('2026-03-08')).toBe('2026年3月8日');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDate('')).toBe('—');
  });
});
