// Environment parsed and validated once at boot; every bad value is listed by its variable name.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** A streaming replica of DATABASE_URL: the figures (dashboards, year figures) read there and may lag a second. */
  databaseReadUrl: string | null;
  seedDemo: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** How long a resolved session may be served from memory, in seconds (0: never); auth/session-cache.ts. */
  sessionCacheSeconds: number;
  secureCookies: boolean;
  smtpUrl: string | null;
  mailFrom: string;
  encryptionKey: string | null;
  uploadMaxBytes: number;
  schedulerIntervalMs: number;
  rateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  /** Believe X-Forwarded-For (only behind a reverse proxy that sets it); otherwise a client could pick its own address. */
  trustProxy: boolean;
  logLevel: string;
  /** Log every request at info level; off by default in production, where it costs more than light routes do. */
  logRequests: boolean;
  auditKey: string | null;
  auditSealIntervalMs: number;
  /** Embedded database only: requests run at once on its single connection, and how many may wait (FIFO) for it. */
  dbConcurrency: number;
  dbQueueMax: number;
  /**
   * Embedded database only, ms: a request's deadline from arrival to end. It is let in only if its estimated wait plus
   * run fits, else 503 at once; a waiting request leaves the line (503) when it could no longer finish in time.
   */
  dbQueueWaitMs: number;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, def: number, min: number, max: number, errors: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    errors.push(`${name}=${raw}: 应为 ${min}–${max} 之间的整数 (must be an integer from ${min} to ${max})`);
    return def;
  }
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, def: boolean, errors: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  errors.push(`${name}=${raw}: 应为 true 或 false (must be true or false)`);
  return def;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const errors: string[] = [];
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    errors.push('DATABASE_URL: 应以 postgres:// 开头 (must start with postgres://)');
  }
  const databaseReadUrl = env.DATABASE_READ_URL || null;
  if (databaseReadUrl && !/^postgres(ql)?:\/\//.test(databaseReadUrl)) {
    errors.push('DATABASE_READ_URL: 应以 postgres:// 开头 (must start with postgres://)');
  } else if (databaseReadUrl && !databaseUrl) {
    errors.push(
      'DATABASE_READ_URL: 只读副本需同时设置主库 DATABASE_URL (a read replica needs DATABASE_URL, the primary)',
    );
  }
  const encryptionKey = env.ZHENGXIE_ENCRYPTION_KEY || null;
  if (encryptionKey && !/^[0-9a-fA-F]{32}$/.test(encryptionKey)) {
    errors.push('ZHENGXIE_ENCRYPTION_KEY: 应为 32 位十六进制 (must be 32 hex digits, a 128-bit SM4 key)');
  }
  const auditKey = env.ZHENGXIE_AUDIT_KEY || null;
  if (auditKey && !/^[0-9a-fA-F]{64}$/.test(auditKey)) {
    errors.push('ZHENGXIE_AUDIT_KEY: 应为 64 位十六进制 (must be 64 hex digits, a 256-bit HMAC-SM3 key)');
  }
  const smtpUrl = env.SMTP_URL || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) errors.push('SMTP_URL: 应以 smtp:// 或 smtps:// 开头');
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    errors.push(`LOG_LEVEL=${logLevel}: 应为 fatal/error/warn/info/debug/trace/silent`);
  }
  const config: Config = {
    port: int(env, 'PORT', 3000, 0, 65535, errors),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.ZHENGXIE_DATA_DIR || './data'),
    databaseUrl,
    databaseReadUrl,
    seedDemo: bool(env, 'ZHENGXIE_SEED_DEMO', true, errors),
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60, errors),
    sessionAbsoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30, errors),
    sessionCacheSeconds: int(env, 'SESSION_CACHE_SECONDS', 5, 0, 60, errors),
    secureCookies: bool(env, 'SECURE_COOKIES', false, errors),
    smtpUrl,
    mailFrom: env.MAIL_FROM || 'noreply@zhengxie.local',
    encryptionKey,
    uploadMaxBytes: int(env, 'UPLOAD_MAX_MB', 20, 1, 1024, errors) * 1024 * 1024,
    schedulerIntervalMs: int(env, 'SCHEDULER_INTERVAL_MS', 30_000, 100, 3_600_000, errors),
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000, errors),
    loginRateLimitPerMinute: int(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 30, 1, 1_000_000, errors),
    trustProxy: bool(env, 'TRUST_PROXY', false, errors),
    logLevel,
    logRequests: bool(env, 'LOG_REQUESTS', env.NODE_ENV !== 'production', errors),
    auditKey,
    auditSealIntervalMs: int(env, 'AUDIT_SEAL_INTERVAL_MS', 1000, 10, 3_600_000, errors),
    dbConcurrency: int(env, 'DB_CONCURRENCY', 4, 1, 1000, errors),
    dbQueueMax: int(env, 'DB_QUEUE_MAX', 400, 0, 100_000, errors),
    dbQueueWaitMs: int(env, 'DB_QUEUE_WAIT_MS', 1500, 10, 600_000, errors),
  };
  if (errors.length) throw new ConfigError(`配置有误 (invalid configuration):\n  ${errors.join('\n  ')}`);
  return config;
}
