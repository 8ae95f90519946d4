// Error ids and HTTP mapping: every error a client sees has a stable id and a Chinese message, never a stack trace.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const badRequest = (id: string, message: string, field?: string) => new AppError(400, id, message, field);
export const unauthorized = (id = 'auth.required', message = '请先登录') => new AppError(401, id, message);
export const forbidden = (id = 'auth.forbidden', message = '没有权限执行此操作') => new AppError(403, id, message);
export const notFound = (id: string, message: string) => new AppError(404, id, message);
export const conflict = (id: string, message: string) => new AppError(409, id, message);

const ajvMessages: Record<string, (p: any) => string> = {
  required: () => '为必填项',
  minLength: (p) => (p.limit === 1 ? '不能为空' : `至少需要 ${p.limit} 个字符`),
  maxLength: (p) => `不能超过 ${p.limit} 个字符`,
  minimum: (p) => `不能小于 ${p.limit}`,
  maximum: (p) => `不能大于 ${p.limit}`,
  minItems: (p) => `至少需要 ${p.limit} 项`,
  maxItems: (p) => `不能超过 ${p.limit} 项`,
  pattern: () => '格式不正确',
  format: () => '格式不正确',
  type: () => '类型不正确',
  enum: () => '不是允许的取值',
  const: () => '不是允许的取值',
  anyOf: () => '不是允许的取值',
  additionalProperties: (p) => `包含不允许的字段「${p.additionalProperty}」`,
};

/** Turns an AJV validation error into a Chinese sentence naming the field (by its schema title when it has one). */
function describeValidation(err: FastifyError): { message: string; field?: string } {
  const v = (err.validation ?? [])[0] as any;
  if (!v) return { message: '请求格式不正确' };
  const path = String(v.instancePath || '')
    .replace(/^\//, '')
    .replace(/\//g, '.');
  const field = v.keyword === 'required' ? [path, v.params.missingProperty].filter(Boolean).join('.') : path;
  const schemaTitle =
    v.keyword === 'required' ? v.parentSchema?.properties?.[v.params.missingProperty]?.title : v.parentSchema?.title;
  const label = schemaTitle || field || '请求';
  const text = (ajvMessages[v.keyword] ?? (() => '不符合要求'))(v.params ?? {});
  return { message: `「${label}」${text}`, field: field || undefined };
}

/** Error handler plus the one 404 handler Fastify allows (buildApp passes one that also serves the web app's pages). */
export function registerErrorHandler(
  app: FastifyInstance,
  notFound?: (request: FastifyRequest, reply: FastifyReply) => unknown,
) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply
        .status(err.status)
        .send({ error: err.id, message: err.message, ...(err.field ? { field: err.field } : {}) });
    }
    if (err.validation) {
      const { message, field } = describeValidation(err);
      return reply.status(400).send({ error: 'validation', message, ...(field ? { field } : {}) });
    }
    if (err.statusCode === 429)
      return reply.status(429).send({ error: 'rate_limited', message: '操作过于频繁，请稍后再试' });
    if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.statusCode === 413) {
      return reply.status(413).send({ error: 'file.too_large', message: '文件过大' });
    }
    if (
      err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
      err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      err.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
    ) {
      return reply.status(400).send({ error: 'request.bad_body', message: '请求内容格式不正确' });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ error: 'request.bad', message: '请求不正确' });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: 'internal', message: '系统内部错误，请稍后再试' });
  });
  app.setNotFoundHandler(
    notFound ??
      ((_request, reply) => {
        reply.status(404).send({ error: 'route.not_found', message: '页面或接口不存在' });
      }),
  );
}
