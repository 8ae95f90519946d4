import { describe, expect, it } from 'vitest';
import { safeNext } from './next.ts';

describe('safeNext', () => {
  it('keeps paths of this site', () => {
    expect(safeNext('/proposals/12?tab=replies')).toBe('/proposals/12?tab=replies');
    expect(safeNext('/opinions#top')).toBe('/opinions#top');
  });

  it('sends everything else home', () => {
    for (const bad of [
      null,
      '',
      '/\\evil.example',
      '//evil',
      '///evil',
      'https://evil.example/',
      '/%5Cevil',
      '/%255Cevil',
      '/%2F%2Fevil',
      'javascript:alert(1)',
      '/\tevil',
      '/login',
      '/login?next=/x',
      'evil',
      '/%E0%A4%A',
    ])
      expect(safeNext(bad), String(bad)).toBe('/');
  });
});
