import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { testAppForFile } from '../../test/harness.ts';
import { queryOne } from '../db/client.ts';
import { blindIndex, decryptField, encryptField, maskIdNumber, maskPhone } from './field-crypto.ts';

const t = testAppForFile();

describe('sensitive fields', () => {
  it('are stored SM4-encrypted, never in clear, and decrypt back', async () => {
    const row = await queryOne<{ phone_enc: string; id_number_enc: string }>(
      t.database.db,
      sql`select phone_enc, id_number_enc from members order by id limit 1`,
    );
    expect(row!.phone_enc).toMatch(/^sm4:/);
    expect(row!.phone_enc).not.toMatch(/1[3-9]\d{9}/);
    expect(decryptField(row!.id_number_enc)).toMatch(/^\d{17}[\dX]$/);
    const enc = encryptField('13812341234');
    expect(enc).not.toBe(encryptField('13812341234'));
    expect(decryptField(enc)).toBe('13812341234');
    expect(blindIndex('13812341234')).toBe(blindIndex(' 13812341234 '));
  });

  it('are masked for display', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskIdNumber('110101199001011234')).toBe('1101**********1234');
  });
});

describe('configuration', () => {
  it('names every bad variable at boot', () => {
    const bad = () => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', ZHENGXIE_SEED_DEMO: 'maybe' });
    expect(bad).toThrow(/PORT=abc/);
    expect(bad).toThrow(/DATABASE_URL/);
    expect(bad).toThrow(/ZHENGXIE_SEED_DEMO=maybe/);
    expect(loadConfig({ PORT: '8080' }).port).toBe(8080);
  });
});
