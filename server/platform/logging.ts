// Logger options for every log line: secrets and personal data never reach the log. Fields by name are redacted
// (pino redact), errors are rebuilt without SQL parameters (Drizzle puts them in the message, the stack and `params`)
// or the values PostgreSQL quotes back, and phone and ID numbers left in any message are masked.
import type { FastifyServerOptions } from 'fastify';
import { maskIdNumber, maskPhone } from './secrets/field-crypto.ts';

const SENSITIVE = [
  'password',
  'oldPassword',
  'newPassword',
  'passwordHash',
  'password_hash',
  'hash',
  'token',
  'token_hash',
  'csrfToken',
  'csrf_token',
  'phone',
  'phoneHash',
  'phone_hash',
  'mobile',
  'idNumber',
  'id_number',
  'idNumberHash',
  'email',
  'cookie',
  'authorization',
  'params',
  'detail',
];

export const REDACT_PATHS = [
  ...SENSITIVE.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

/** Phone numbers (11 digits from 1) and resident ID numbers (18 characters) anywhere in a text, masked. */
export function maskText(text: string): string {
  return text
    .replace(/(?<![0-9])[1-9]\d{16}[0-9Xx](?![0-9])/g, (m) => maskIdNumber(m) ?? '')
    .replace(/(?<![0-9])1\d{10}(?![0-9])/g, (m) => maskPhone(m) ?? '');
}

// PostgreSQL quotes values back in its messages (invalid input syntax for type integer: "…"); identifiers stay.
const scrubQuoted = (text: string) =>
  text.replace(/"([^"]*)"/g, (all, inner: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(inner) ? all : '"…"'));

/** An error as it may be logged: type, code, message and stack without parameters or values. */
export function safeError(err: any, depth = 0): Record<string, unknown> | undefined {
  if (!err || typeof err !== 'object') return err;
  // Drizzle's own error puts the parameters in its message; the driver's (PGlite) carries them in `params` only.
  const raw = String(err.message ?? '');
  const message = maskText(
    typeof err.query === 'string' && raw.startsWith('Failed query:') ? `Failed query: ${err.query}` : scrubQuoted(raw),
  );
  const frames = String(err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  const out: Record<string, unknown> = {
    type: err.constructor?.name ?? 'Error',
    message,
    stack: `${message}\n${frames}`,
  };
  for (const k of ['code', 'statusCode', 'severity', 'routine', 'constraint', 'table', 'column', 'schema'])
    if (err[k] !== undefined) out[k] = err[k];
  if (err.cause && depth < 3) out.cause = safeError(err.cause, depth + 1);
  return out;
}

/** Turns `logger: true | {level, stream…}` into options carrying the redaction list and the error serializer. */
export function loggerOptions(logger: boolean | object | undefined): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const base = typeof logger === 'object' ? logger : {};
  return {
    ...base,
    redact: { paths: REDACT_PATHS, censor: '[已隐藏]' },
    serializers: { ...((base as any).serializers ?? {}), err: safeError },
  } as FastifyServerOptions['logger'];
}
