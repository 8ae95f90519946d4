// Attachments: checked for size and type (extension and content signature) and against the upload quotas, stored once
// by SHA-256 in the data folder, removed when left unattached (limits.ts), and downloaded only by users allowed to see
// the item they belong to.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../audit/audit.ts';
import type { Actor } from '../context.ts';
import { type Db, query } from '../db/client.ts';
import { badRequest, forbidden } from '../errors.ts';
import { checkUploadQuota, scheduleUnattachedRemoval, setBlobPath } from './limits.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
/** A file type: its MIME type and the bytes its content starts with (at `offset`, 0 unless given). */
export interface FileType {
  mime: string;
  magic: number[];
  offset?: number;
}
export const FILE_TYPES: Record<string, FileType> = {
  pdf: { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  doc: { mime: 'application/msword', magic: OLE },
  xls: { mime: 'application/vnd.ms-excel', magic: OLE },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  jpg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  png: { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
};

const FTYP = [0x66, 0x74, 0x79, 0x70];
/** Audio and video: accepted only where a module asks for them (study materials), with its own size limit. */
export const MEDIA_TYPES: Record<string, FileType> = {
  mp4: { mime: 'video/mp4', magic: FTYP, offset: 4 },
  // WebM starts with the EBML header; it is what browsers record (MediaRecorder) and play without H.264.
  webm: { mime: 'video/webm', magic: [0x1a, 0x45, 0xdf, 0xa3] },
  m4a: { mime: 'audio/mp4', magic: FTYP, offset: 4 },
  mp3: { mime: 'audio/mpeg', magic: [0x49, 0x44, 0x33] },
};

let filesDir = '';
export function initFileStore(dataDir: string): void {
  filesDir = path.join(dataDir, 'files');
  fs.mkdirSync(filesDir, { recursive: true });
}

const blobPath = (sha: string) => path.join(filesDir, sha.slice(0, 2), sha);
setBlobPath(blobPath);

/** Checks a file's name and content; returns its type or throws a Chinese error. */
export function checkFile(
  name: string,
  content: Buffer,
  maxBytes: number,
  types: Record<string, FileType> = FILE_TYPES,
): { ext: string; mime: string } {
  const ext = path.extname(name).slice(1).toLowerCase();
  const type = types[ext];
  if (!type)
    throw badRequest(
      'file.bad_type',
      `不支持的文件类型「${ext || '无扩展名'}」，仅支持 ${Object.keys(types)
        .filter((t) => t !== 'jpeg')
        .join('、')}`,
    );
  if (content.length === 0) throw badRequest('file.empty', '文件为空');
  if (content.length > maxBytes)
    throw badRequest('file.too_large', `文件不能超过 ${Math.round(maxBytes / 1048576)} MB`);
  if (!type.magic.every((b, i) => content[(type.offset ?? 0) + i] === b))
    throw badRequest('file.bad_content', `文件内容与扩展名「${ext}」不符`);
  return { ext, mime: type.mime };
}

export interface StoredFile {
  id: number;
  name: string;
  mime: string;
  size: number;
  sha256: string;
}

export async function storeFile(
  tx: Db,
  actor: Actor,
  name: string,
  content: Buffer,
  maxBytes: number,
  types: Record<string, FileType> = FILE_TYPES,
): Promise<StoredFile> {
  const { mime } = checkFile(name, content, maxBytes, types);
  await checkUploadQuota(tx, actor, content.length);
  const sha = crypto.createHash('sha256').update(content).digest('hex');
  // Held to commit: the removal job of an unattached file with the same content cannot delete it meanwhile.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`files.blob:${sha}`}))`);
  const file = blobPath(sha);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.tmp`, content);
    fs.renameSync(`${file}.tmp`, file);
  }
  const safeName = path.basename(name).slice(0, 200);
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into files (committee_id, sha256, name, mime, size, uploaded_by) values (${actor.committeeId}, ${sha}, ${safeName}, ${mime}, ${content.length}, ${actor.accountId}) returning id`,
  );
  await writeAudit(tx, actor, {
    action: 'file.upload',
    entity: 'file',
    entityId: row.id,
    after: { name: safeName, size: content.length, sha256: sha },
  });
  await scheduleUnattachedRemoval(tx, actor.committeeId, row.id);
  return { id: row.id, name: safeName, mime, size: content.length, sha256: sha };
}

/** Links uploaded files to an item; only the uploader's own unattached files can be linked. */
export async function attachFiles(
  tx: Db,
  actor: Actor,
  fileIds: number[],
  entity: string,
  entityId: number,
): Promise<void> {
  if (!fileIds.length) return;
  const rows = await query<{ id: number }>(
    tx,
    sql`update files set entity = ${entity}, entity_id = ${entityId}
      where committee_id = ${actor.committeeId} and id = any(${sql.param(fileIds)}::int[]) and uploaded_by = ${actor.accountId}
        and (entity is null or (entity = ${entity} and entity_id = ${entityId}))
      returning id`,
  );
  if (rows.length !== new Set(fileIds).size) throw badRequest('file.not_attachable', '附件不存在或不属于您', 'fileIds');
}

export async function listFiles(db: Db, committeeId: number, entity: string, entityId: number): Promise<StoredFile[]> {
  return query<StoredFile>(
    db,
    sql`select id, name, mime, size, sha256 from files where committee_id = ${committeeId} and entity = ${entity} and entity_id = ${entityId} order by id`,
  );
}

type AccessCheck = (db: Db, actor: Actor, entityId: number) => Promise<boolean>;
const accessChecks = new Map<string, AccessCheck>();
/** 403 file.forbidden: the same answer whether the file does not exist or may not be read, so ids reveal nothing. */
const fileForbidden = () => forbidden('file.forbidden', '文件不存在或无权查看');

/** A module says who may read the files of its items. */
export function registerFileAccess(entity: string, check: AccessCheck): void {
  accessChecks.set(entity, check);
}

export async function openFileForDownload(
  db: Db,
  actor: Actor,
  id: number,
): Promise<{ file: StoredFile; stream: fs.ReadStream }> {
  const [f] = await query<StoredFile & { entity: string | null; entity_id: number | null; uploaded_by: number | null }>(
    db,
    sql`select id, name, mime, size, sha256, entity, entity_id, uploaded_by from files where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  if (!f) throw fileForbidden();
  const allowed =
    f.uploaded_by === actor.accountId ||
    (f.entity && f.entity_id != null && (await accessChecks.get(f.entity)?.(db, actor, f.entity_id)));
  if (!allowed) throw fileForbidden();
  return { file: f, stream: fs.createReadStream(blobPath(f.sha256)) };
}
