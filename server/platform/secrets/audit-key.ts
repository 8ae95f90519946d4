// The audit chain's HMAC-SM3 key: kept outside the database (ZHENGXIE_AUDIT_KEY or <dataDir>/audit.key), so that
// someone who can write the database cannot forge a row, a link or a head.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

let key: Buffer | null = null;

export class AuditKeyMissing extends Error {}

/**
 * The key comes from configuration, else from <dataDir>/audit.key; the server generates that file on first start
 * (create), while tools that only check the log (audit:verify) refuse to invent a key that could not match.
 */
export function initAuditKey(opts: { auditKey: string | null; dataDir: string; create: boolean }): void {
  if (opts.auditKey) {
    key = Buffer.from(opts.auditKey, 'hex');
    return;
  }
  const file = path.join(opts.dataDir, 'audit.key');
  if (!fs.existsSync(file)) {
    if (!opts.create)
      throw new AuditKeyMissing(
        `找不到审计密钥：请设置 ZHENGXIE_AUDIT_KEY 或提供 ${file} (audit key missing, cannot verify the audit chain)`,
      );
    fs.mkdirSync(opts.dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
}

export function setAuditKeyForTests(hex: string): void {
  key = Buffer.from(hex, 'hex');
}

/** HMAC-SM3 (RFC 2104 over SM3, as node:crypto implements it) of text under the audit key, in hex. */
export function auditMac(text: string): string {
  if (!key) throw new Error('audit key not initialised');
  return crypto.createHmac('sm3', key).update(text).digest('hex');
}
