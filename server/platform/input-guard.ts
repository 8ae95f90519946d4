// One guard for every route's input, run before schema validation: characters PostgreSQL cannot store (NUL, lone
// surrogates) anywhere in params, query, body (nested, keys too) or the headers we store, and numbers in the URL that
// Ajv's coercion would read too loosely ('0x10' → 16, '1e3', ' 5'). The body itself is validated without coercion
// (see strictBodyValidator), so `{"memberId": true}` is a 400 rather than member 1.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyRequest } from 'fastify';
import { badRequest } from './errors.ts';

// NUL, and UTF-16 halves without their partner: PostgreSQL's text (UTF-8) can hold neither.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what is refused.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const hasUnstorable = (s: string) => UNSTORABLE.test(s);

/** Path ('a.b.0') of the first string (value or key) holding an unstorable character, or null. */
export function findUnstorable(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  if (Buffer.isBuffer(value)) return null;
  for (const [k, v] of Object.entries(value)) {
    if (UNSTORABLE.test(k)) return [...path, k];
    const found = findUnstorable(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}

/** The schema title of a field, followed along object properties and array items, for the Chinese message. */
function titleOf(schema: any, path: string[]): string | undefined {
  let s = schema;
  for (const key of path) {
    if (!s || typeof s !== 'object') return undefined;
    s = s.properties?.[key] ?? s.items ?? s.anyOf?.find((x: any) => x.properties?.[key])?.properties?.[key];
  }
  return s?.title;
}

const kindsOf = (s: any): string[] =>
  !s ? [] : s.anyOf ? s.anyOf.flatMap(kindsOf) : s.type ? [s.type].flat() : s.items ? kindsOf(s.items) : [];
const INTEGER = /^-?\d{1,16}$/;
const NUMBER = /^-?\d{1,16}(\.\d{1,16})?$/;

/** A URL value meant as a number must be written as plain decimal digits. */
function looseNumber(schema: any, raw: Record<string, unknown> | undefined): string | null {
  if (!schema?.properties || !raw) return null;
  for (const [key, value] of Object.entries(raw)) {
    const kinds = kindsOf(schema.properties[key]);
    if (kinds.includes('string') || !(kinds.includes('integer') || kinds.includes('number'))) continue;
    const re = kinds.includes('number') ? NUMBER : INTEGER;
    for (const v of [value].flat()) if (typeof v === 'string' && !re.test(v)) return key;
  }
  return null;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused in headers.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;
const STORED_HEADERS = ['user-agent', 'x-forwarded-for', 'x-csrf-token'];

/** The preValidation step for one route (its schema read once, when the route is registered). */
export function inputGuard(schema: any) {
  return async (request: FastifyRequest) => {
    const parts = [
      ['params', request.params, schema?.params],
      ['querystring', request.query, schema?.querystring],
      ['body', request.body, schema?.body],
    ] as const;
    for (const [, value, partSchema] of parts) {
      const path = findUnstorable(value);
      if (path) {
        const label = titleOf(partSchema, path) ?? (path.join('.') || '请求');
        throw badRequest('input.bad_character', `「${label}」包含无法保存的字符`, path.join('.') || undefined);
      }
    }
    for (const h of STORED_HEADERS) {
      const v = request.headers[h];
      if (typeof v === 'string' && CONTROL.test(v))
        throw badRequest('input.bad_character', `请求头「${h}」包含无法保存的字符`, h);
    }
    for (const [, value, partSchema] of parts.slice(0, 2)) {
      const key = looseNumber(partSchema, value as Record<string, unknown>);
      if (key) throw badRequest('validation', `「${titleOf(partSchema, [key]) ?? key}」必须是十进制数字`, key);
    }
  };
}

/**
 * Validator compiler: request bodies are JSON and are validated as typed (no coercion: `true` is not 1, "5" is not 5);
 * params and query strings arrive as text and keep Fastify's coercion, after inputGuard has checked their digits.
 */
export function validatorCompiler() {
  const base = { useDefaults: true, removeAdditional: true, allErrors: false, verbose: true, addUsedSchema: false };
  const strict = addFormats(new Ajv({ ...base, coerceTypes: false }));
  const coercing = addFormats(new Ajv({ ...base, coerceTypes: 'array' }));
  return ({ schema, httpPart }: { schema: any; httpPart?: string }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema);
}
