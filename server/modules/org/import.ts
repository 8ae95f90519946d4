// Roster import from Excel. The upload is parsed at once (headers checked, cells read as text) and stored encrypted;
// a background task then validates every row and, when all rows are good or the user chose "只导入无误的行", writes
// them in small transactions, matching existing members by ID number within the term. Progress is in member_imports.

import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { blindIndex, decryptField, encryptField } from '../../platform/secrets/field-crypto.ts';
import { createMember, type Gender, type Leadership, type MemberInput, updateMember } from './members-service.ts';
import {
  BATCH,
  type ColumnKey,
  type ImportError,
  loadLookups,
  type RawRow,
  type ValidRow,
  validateRow,
} from './roster.ts';

// --- background task ---------------------------------------------------------------------------------------------

const running = new Set<string>();
/** Imports idle this long while marked running were cut off by a restart. */
const STALE_MINUTES = 10;

export function isImportRunning(committeeId: number, id: number) {
  return running.has(`${committeeId}:${id}`);
}

export async function startImport(
  db: Db,
  actor: Actor,
  termId: number,
  fileName: string,
  rows: RawRow[],
  validOnly: boolean,
): Promise<number> {
  const row = await queryOne<{ id: number }>(
    db,
    sql`insert into member_imports (committee_id, term_id, file_name, valid_only, total, rows_enc, created_by)
      values (${actor.committeeId}, ${termId}, ${fileName.slice(0, 200)}, ${validOnly}, ${rows.length},
        ${encryptField(JSON.stringify(rows))}, ${actor.accountId}) returning id`,
  );
  launch(db, actor, row!.id);
  return row!.id;
}

/** Continues an import that stopped on errors, writing only the rows without errors. */
export async function applyValidRows(db: Db, actor: Actor, id: number) {
  const row = await queryOne<{ status: string }>(
    db,
    sql`update member_imports set valid_only = true, status = 'validating', processed = 0, updated_at = now()
      where committee_id = ${actor.committeeId} and id = ${id} and status = 'invalid' and rows_enc is not null
      returning status`,
  );
  if (!row) return false;
  launch(db, actor, id);
  return true;
}

function launch(db: Db, actor: Actor, id: number) {
  const key = `${actor.committeeId}:${id}`;
  running.add(key);
  setImmediate(() => {
    runImport(db, actor, id)
      .catch(async (err) => {
        await db
          .execute(sql`update member_imports set status = 'failed', message = ${'导入过程中出错，请重新上传'},
            rows_enc = null, updated_at = now()
            where committee_id = ${actor.committeeId} and id = ${id}`)
          .catch(() => {});
        if (process.env.NODE_ENV !== 'test') console.error('member import failed', err);
      })
      .finally(() => running.delete(key));
  });
}

const sameSet = (a: number[], b: number[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

async function runImport(db: Db, actor: Actor, id: number) {
  const c = actor.committeeId;
  const job = await queryOne<{ term_id: number; valid_only: boolean; rows_enc: string | null }>(
    db,
    sql`select term_id, valid_only, rows_enc from member_imports where committee_id = ${c} and id = ${id}`,
  );
  if (!job?.rows_enc) return;
  const rows = JSON.parse(decryptField(job.rows_enc)!) as RawRow[];
  const lookups = await loadLookups(db, c);
  const seen = new Map<string, number>();
  const valid: ValidRow[] = [];
  const errors: ImportError[] = [];
  for (let i = 0; i < rows.length; i++) {
    const res = validateRow(rows[i], lookups, seen);
    errors.push(...res.errors);
    if (res.row) valid.push(res.row);
    if ((i + 1) % 200 === 0) {
      await db.execute(
        sql`update member_imports set processed = ${i + 1}, updated_at = now() where committee_id = ${c} and id = ${id}`,
      );
    }
  }
  const errorsJson = JSON.stringify(errors.slice(0, 2000));
  if (errors.length && !job.valid_only) {
    await db.execute(sql`update member_imports set status = 'invalid', processed = ${rows.length},
      errors = ${errorsJson}::jsonb, updated_at = now() where committee_id = ${c} and id = ${id}`);
    return;
  }
  const skipped = rows.length - valid.length;
  await db.execute(sql`update member_imports set status = 'importing', processed = ${skipped}, skipped = ${skipped},
    errors = ${errorsJson}::jsonb, updated_at = now() where committee_id = ${c} and id = ${id}`);

  for (let i = 0; i < valid.length; i += BATCH) {
    // Let waiting requests (progress polls, other users) run between batches.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const batch = valid.slice(i, i + BATCH);
    await db.transaction(async (tx) => {
      const counts = { created: 0, updated: 0, unchanged: 0 };
      for (const v of batch) counts[await importRow(tx, actor, job.term_id, v)]++;
      await tx.execute(sql`update member_imports set processed = processed + ${batch.length},
        created = created + ${counts.created}, updated = updated + ${counts.updated},
        unchanged = unchanged + ${counts.unchanged}, updated_at = now() where committee_id = ${c} and id = ${id}`);
    });
  }
  await db.execute(sql`update member_imports set status = 'done', rows_enc = null, updated_at = now()
    where committee_id = ${c} and id = ${id}`);
}

/** Writes one valid row: a new member, an update of the one with the same ID number in the term, or nothing. */
async function importRow(
  tx: Db,
  actor: Actor,
  termId: number,
  v: ValidRow,
): Promise<'created' | 'updated' | 'unchanged'> {
  const c = actor.committeeId;
  const hash = blindIndex(v.input.idNumber);
  const cur = await queryOne<{
    id: number;
    code: string | null;
    name: string;
    gender: Gender | null;
    ethnicity: string | null;
    birth_date: string | null;
    party: string | null;
    sector_id: number | null;
    work_unit: string | null;
    job_title: string | null;
    phone_enc: string | null;
    standing_member: boolean;
    leadership_role: Leadership | null;
    /** int[] (text '{1,2}' on some drivers) */
    specials: unknown;
    groups: unknown;
  }>(
    tx,
    sql`select m.id, m.code, m.name, m.gender, m.ethnicity, to_char(m.birth_date, 'YYYY-MM-DD') as birth_date, m.party,
      m.sector_id, m.work_unit, m.job_title, m.phone_enc, m.standing_member, m.leadership_role,
      coalesce((select array_agg(special_committee_id) from member_special_committees x
        where x.committee_id = m.committee_id and x.member_id = m.id), '{}') as specials,
      coalesce((select array_agg(group_id) from member_group_links x
        where x.committee_id = m.committee_id and x.member_id = m.id), '{}') as groups
      from members m where m.committee_id = ${c} and m.term_id = ${termId} and m.id_number_hash = ${hash}
      for update`,
  );
  if (!cur) {
    await createMember(tx, actor, { ...v.input, termId }, 'import');
    return 'created';
  }
  const has = (k: ColumnKey) => v.present.includes(k);
  const stored = {
    workUnitTitle: [cur.work_unit, cur.job_title].filter(Boolean).join('') || null,
    phone: decryptField(cur.phone_enc),
  };
  const toArray = (x: unknown) =>
    Array.isArray(x) ? x.map(Number) : String(x).replace(/[{}]/g, '').split(',').filter(Boolean).map(Number);
  const curSpecials = toArray(cur.specials);
  const curGroups = toArray(cur.groups);
  const next: MemberInput = {
    termId,
    code: cur.code,
    name: v.input.name,
    gender: has('gender') ? v.input.gender : cur.gender,
    ethnicity: has('ethnicity') ? v.input.ethnicity : cur.ethnicity,
    birthDate: has('birthDate') ? v.input.birthDate : cur.birth_date,
    party: has('party') ? v.input.party : cur.party,
    sectorId: v.input.sectorId,
    specialCommitteeIds: has('specialCommittees') ? v.input.specialCommitteeIds : curSpecials,
    groupIds: has('groups') ? v.input.groupIds : curGroups,
    workUnit: cur.work_unit,
    jobTitle: cur.job_title,
    phone: undefined,
    idNumber: undefined,
    standingMember: has('standing') ? v.input.standingMember : cur.standing_member,
    leadershipRole: has('leadership') ? v.input.leadershipRole : cur.leadership_role,
  };
  let changed =
    next.name !== cur.name ||
    next.gender !== cur.gender ||
    next.ethnicity !== cur.ethnicity ||
    next.birthDate !== cur.birth_date ||
    next.party !== cur.party ||
    next.sectorId !== cur.sector_id ||
    !sameSet(next.specialCommitteeIds, curSpecials) ||
    !sameSet(next.groupIds, curGroups) ||
    next.standingMember !== cur.standing_member ||
    next.leadershipRole !== cur.leadership_role;
  if (has('workUnitTitle') && v.workUnitTitle !== stored.workUnitTitle) {
    next.workUnit = v.workUnitTitle;
    next.jobTitle = null;
    changed = true;
  }
  if (has('phone') && v.input.phone !== stored.phone) {
    next.phone = v.input.phone;
    changed = true;
  }
  if (!changed) return 'unchanged';
  await updateMember(tx, actor, cur.id, next, 'import');
  return 'updated';
}

export async function loadImport(db: Db, committeeId: number, id: number) {
  const row = await queryOne<{
    id: number;
    file_name: string;
    valid_only: boolean;
    status: string;
    total: number;
    processed: number;
    created: number;
    updated: number;
    unchanged: number;
    skipped: number;
    errors: unknown;
    message: string | null;
    stale: boolean;
  }>(
    db,
    sql`select id, file_name, valid_only, status, total, processed, created, updated, unchanged, skipped, errors, message,
      updated_at < now() - make_interval(mins => ${STALE_MINUTES}) as stale
      from member_imports where committee_id = ${committeeId} and id = ${id}`,
  );
  if (!row) return undefined;
  let status = row.status as string;
  let message = row.message as string | null;
  if ((status === 'validating' || status === 'importing') && row.stale && !isImportRunning(committeeId, id)) {
    status = 'failed';
    message = '导入被中断（系统重启），已导入的委员保留，请重新上传文件继续';
  }
  const errors = (typeof row.errors === 'string' ? JSON.parse(row.errors) : row.errors) as ImportError[];
  return {
    id: row.id,
    fileName: row.file_name,
    validOnly: row.valid_only,
    status,
    total: row.total,
    processed: row.processed,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    skipped: row.skipped,
    errors,
    message,
  };
}
