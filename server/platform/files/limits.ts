// Upload limits: how much one account may upload per Beijing day and one committee may hold in total (checked before a
// file is stored), and how long an uploaded file may stay unattached before a job removes its row and stored content.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../audit/audit.ts';
import { type Actor, systemActor } from '../context.ts';
import { type Db, queryOne } from '../db/client.ts';
import { badRequest } from '../errors.ts';
import { type Job, registerJobHandler, scheduleJob } from '../jobs/jobs.ts';
import { getSetting } from '../settings/settings.ts';

export const FILE_LIMITS_KEY = 'files.limits';
export interface FileLimits {
  /** MB one account may upload per Beijing calendar day. */
  accountDailyMb: number;
  /** MB all of a committee's stored files may take. */
  committeeTotalMb: number;
  /** Hours an uploaded file may stay unattached to any item before it is removed. */
  unattachedHours: number;
}
export const FILE_LIMIT_DEFAULTS: FileLimits = { accountDailyMb: 200, committeeTotalMb: 5120, unattachedHours: 24 };

const MB = 1024 * 1024;
/** The limits are not yearly rules: one undated value (year 0) per committee. */
export const getFileLimits = (db: Db, committeeId: number) =>
  getSetting(db, committeeId, FILE_LIMITS_KEY, 0, FILE_LIMIT_DEFAULTS);

const size = (bytes: number) =>
  bytes >= 1024 * MB ? `${+(bytes / 1024 / MB).toFixed(2)} GB` : `${+(bytes / MB).toFixed(1)} MB`;

/** Refuses an upload that would pass either quota. Call in the storing transaction, before the content is written. */
export async function checkUploadQuota(tx: Db, actor: Actor, bytes: number): Promise<void> {
  // One upload at a time per committee, so two parallel uploads cannot both pass the same remaining room.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`files.quota:${actor.committeeId}`}))`);
  const limits = await getFileLimits(tx, actor.committeeId);
  const used = await queryOne<{ account: number; committee: number }>(
    tx,
    sql`select
      coalesce(sum(size) filter (where uploaded_by = ${actor.accountId}
        and created_at >= (date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai')), 0)::float8 as account,
      coalesce(sum(size), 0)::float8 as committee
      from files where committee_id = ${actor.committeeId}`,
  );
  const accountMax = limits.accountDailyMb * MB;
  if (used!.account + bytes > accountMax)
    throw badRequest(
      'file.quota_account',
      `今日上传已达上限：每个账号每天最多上传 ${size(accountMax)}（今日已上传 ${size(used!.account)}），请明天再试或联系管理员`,
    );
  const committeeMax = limits.committeeTotalMb * MB;
  if (used!.committee + bytes > committeeMax)
    throw badRequest(
      'file.quota_committee',
      `本单位附件存储已达上限 ${size(committeeMax)}（已用 ${size(used!.committee)}），请联系管理员清理或调整上限`,
    );
}

/** Each upload gets its own removal job, due when it would count as left unattached. */
export async function scheduleUnattachedRemoval(tx: Db, committeeId: number, fileId: number): Promise<void> {
  const { unattachedHours } = await getFileLimits(tx, committeeId);
  const row = await queryOne<{ created_at: string }>(
    tx,
    sql`select created_at from files where committee_id = ${committeeId} and id = ${fileId}`,
  );
  await scheduleJob(tx, {
    committeeId,
    kind: 'file.expire',
    runAt: new Date(new Date(row!.created_at).getTime() + unattachedHours * 3600_000),
    payload: { fileId },
    dedupeKey: `file.expire:${fileId}`,
  });
}

let blobPathOf: (sha: string) => string = () => {
  throw new Error('file store not initialised');
};
export const setBlobPath = (fn: (sha: string) => string) => {
  blobPathOf = fn;
};
/** Where a content is stored (tests check that removal deletes it). */
export const storedPath = (sha: string) => blobPathOf(sha);

/** The job: a file still unattached is removed (row, then its content when no other row shares it), audited. */
async function expireFile(tx: Db, job: Job): Promise<void> {
  const fileId = Number(job.payload.fileId);
  const f = await queryOne<{ sha256: string; name: string; size: number; entity: string | null; created_at: string }>(
    tx,
    sql`select sha256, name, size, entity, created_at from files where committee_id = ${job.committee_id} and id = ${fileId}`,
  );
  if (!f || f.entity !== null) return;
  // The setting may have grown since the upload: then the file is not old enough yet (the job's due time is its clock).
  const { unattachedHours } = await getFileLimits(tx, job.committee_id);
  const due = new Date(new Date(f.created_at).getTime() + unattachedHours * 3600_000);
  if (due.getTime() > new Date(job.run_at).getTime()) {
    await scheduleJob(tx, {
      committeeId: job.committee_id,
      kind: 'file.expire',
      runAt: due,
      payload: { fileId },
      dedupeKey: `file.expire:${fileId}`,
    });
    return;
  }
  // Same lock as storing this content: an upload of identical bytes either commits first (and keeps it) or waits.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`files.blob:${f.sha256}`}))`);
  await tx.execute(sql`delete from files where committee_id = ${job.committee_id} and id = ${fileId}`);
  await writeAudit(tx, systemActor(job.committee_id), {
    action: 'file.expire',
    entity: 'file',
    entityId: fileId,
    before: { name: f.name, size: f.size, sha256: f.sha256 },
    after: { reason: `上传后 ${unattachedHours} 小时未被使用` },
  });
  const shared = await queryOne(tx, sql`select 1 from files where sha256 = ${f.sha256} limit 1`);
  // Last step of the transaction, so a failure before it leaves the row and its content together.
  if (!shared) fs.rmSync(blobPathOf(f.sha256), { force: true });
}
registerJobHandler('file.expire', expireFile);
