// Sensitive fields (phone, ID number) encrypted at rest with SM4 and looked up by an HMAC-SM3 blind index.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

let key: Buffer | null = null;

/** The key comes from configuration, else from <dataDir>/secret.key, generated there on first start. */
export function initFieldCrypto(opts: { encryptionKey: string | null; dataDir: string }): void {
  if (opts.encryptionKey) {
    key = Buffer.from(opts.encryptionKey, 'hex');
    return;
  }
  const file = path.join(opts.dataDir, 'secret.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(16).toString('hex'), { mode: 0o600 });
  }
  key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
}

export function setFieldKeyForTests(hex: string): void {
  key = Buffer.from(hex, 'hex');
}

function k(): Buffer {
  if (!key) throw new Error('field crypto not initialised');
  return key;
}

export function encryptField(plain: string | null | undefined): string | null {
  if (plain == null || plain === '') return null;
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('sm4-cbc', k(), iv);
  return `sm4:${Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]).toString('base64')}`;
}

export function decryptField(enc: string | null | undefined): string | null {
  if (!enc) return null;
  const buf = Buffer.from(enc.slice(4), 'base64');
  const decipher = crypto.createDecipheriv('sm4-cbc', k(), buf.subarray(0, 16));
  return Buffer.concat([decipher.update(buf.subarray(16)), decipher.final()]).toString('utf8');
}

/** Deterministic keyed hash, to find a row by phone or ID number without decrypting every row. */
export function blindIndex(plain: string | null | undefined): string | null {
  if (plain == null || plain === '') return null;
  return crypto.createHmac('sm3', k()).update(plain.trim().toUpperCase()).digest('hex');
}

export function sm3(text: string): string {
  return crypto.createHash('sm3').update(text).digest('hex');
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length >= 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone.replace(/.(?=.{2})/g, '*');
}

export function maskIdNumber(id: string | null): string | null {
  if (!id) return null;
  return id.length > 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : '****';
}
