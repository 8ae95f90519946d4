// Configuration of the replica: DATABASE_READ_URL is checked at boot like every other value.
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('DATABASE_READ_URL', () => {
  it('is off by default and read with the primary', () => {
    expect(loadConfig({}).databaseReadUrl).toBeNull();
    const c = loadConfig({ DATABASE_URL: 'postgres://p/db', DATABASE_READ_URL: 'postgres://r/db' });
    expect(c.databaseReadUrl).toBe('postgres://r/db');
  });

  it('refuses a replica without a primary, and a URL that is not PostgreSQL, naming the variable', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://r/db' })).toThrow(
      'DATABASE_READ_URL: 只读副本需同时设置主库 DATABASE_URL',
    );
    expect(() => loadConfig({ DATABASE_URL: 'postgres://p/db', DATABASE_READ_URL: 'mysql://r/db' })).toThrow(
      'DATABASE_READ_URL: 应以 postgres:// 开头',
    );
  });
});
