// Receives one multipart file for a module that sets its own types and size limit (study videos, archive audio):
// the same checks and messages as /api/files, with the limit the module's committee setting gives.
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../context.ts';
import type { Db } from '../db/client.ts';
import { badRequest } from '../errors.ts';
import { type FileType, type StoredFile, storeFile } from './files.ts';

const fileMissing = () => badRequest('file.missing', '请选择要上传的文件');

/**
 * Reads the one file of a multipart request and stores it in its own transaction. Errors: 400 file.missing (not
 * multipart, no file part), 400 file.too_large (over `rule.maxBytes` bytes), and storeFile's type checks.
 */
export async function receiveUpload(
  db: Db,
  request: FastifyRequest,
  actor: Actor,
  rule: { maxBytes: number; types: Record<string, FileType> },
): Promise<Omit<StoredFile, 'sha256'>> {
  if (!request.isMultipart()) throw fileMissing();
  const tooLarge = () => badRequest('file.too_large', `文件不能超过 ${Math.round(rule.maxBytes / 1048576)} MB`);
  const part = await request.file({ limits: { fileSize: rule.maxBytes + 1 } });
  if (!part) throw fileMissing();
  const content = await part.toBuffer().catch((err) => {
    throw err.code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : err;
  });
  if (part.file.truncated || content.length > rule.maxBytes) throw tooLarge();
  const f = await db.transaction((tx) => storeFile(tx, actor, part.filename, content, rule.maxBytes, rule.types));
  return { id: f.id, name: f.name, mime: f.mime, size: f.size };
}
