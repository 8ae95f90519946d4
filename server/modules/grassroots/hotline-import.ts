// Hotline import in two steps: the upload is checked and compared with the stored cases (a preview: errors by row and
// column, how many cases are new, changed or unchanged), then staff import the good rows. Cases are keyed by case
// number: importing the same file again changes nothing (and writes no audit row), a changed status updates the case.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { decryptField, encryptField } from '../../platform/secrets/field-crypto.ts';
import { checkHotlineRow, type HotlineRow, type RawHotlineRow, type RowError } from './hotline-sheet.ts';

export const hotlineImportNotFound = () => notFound('hotline.import_not_found', '导入记录不存在');

export interface HotlinePreview {
  id: number;
  fileName: string;
  total: number;
  valid: number;
  added: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  /** The first good rows as they will be stored (staff only see this: the text is not masked). */
  sample: Omit<HotlineRow, 'line'>[];
}

const FIELDS = ['receivedOn', 'area', 'category', 'content', 'status'] as const;

/** Stored cases with these numbers, as the import compares them. */
async function storedCases(db: Db, committeeId: number, caseNos: string[]) {
  const rows = await query<Omit<HotlineRow, 'line'>>(
    db,
    sql`select case_no as "caseNo", to_char(received_on, 'YYYY-MM-DD') as "receivedOn", area, category, content, status
      from hotline_cases where committee_id = ${committeeId} and case_no = any(${sql.param(caseNos)}::text[])`,
  );
  return new Map(rows.map((r) => [r.caseNo, r]));
}

function compare(rows: HotlineRow[], stored: Map<string, Omit<HotlineRow, 'line'>>) {
  let added = 0;
  let updated = 0;
  for (const r of rows) {
    const s = stored.get(r.caseNo);
    if (!s) added++;
    else if (FIELDS.some((f) => s[f] !== r[f])) updated++;
  }
  return { added, updated, unchanged: rows.length - added - updated };
}

/** Checks the parsed rows, keeps the good ones (encrypted) under a new import and says what importing would do. */
export async function previewHotlineImport(
  db: Db,
  actor: Actor,
  fileName: string,
  raws: RawHotlineRow[],
): Promise<HotlinePreview> {
  const seen = new Map<string, number>();
  const errors: RowError[] = [];
  const rows: HotlineRow[] = [];
  for (const raw of raws) {
    const checked = checkHotlineRow(raw, seen);
    errors.push(...checked.errors);
    if (checked.row) rows.push(checked.row);
  }
  const counts = compare(
    rows,
    await storedCases(
      db,
      actor.committeeId,
      rows.map((r) => r.caseNo),
    ),
  );
  const row = await queryOne<{ id: number }>(
    db,
    sql`insert into hotline_imports (committee_id, file_name, total, rows_enc, created_by)
      values (${actor.committeeId}, ${fileName.slice(0, 200)}, ${raws.length}, ${encryptField(JSON.stringify(rows))},
        ${actor.accountId}) returning id`,
  );
  return {
    id: row!.id,
    fileName,
    total: raws.length,
    valid: rows.length,
    ...counts,
    errors: errors.slice(0, 500),
    sample: rows.slice(0, 20).map(({ line: _line, ...r }) => r),
  };
}

/** Imports the good rows of a previewed file; counts what changed. Audited only when a case was added or changed. */
export async function applyHotlineImport(tx: Db, actor: Actor, id: number) {
  const imp = await queryOne<{ state: string; rows_enc: string | null; file_name: string }>(
    tx,
    sql`select state, rows_enc, file_name from hotline_imports where committee_id = ${actor.committeeId} and id = ${id}
      for update`,
  );
  if (!imp) throw hotlineImportNotFound();
  if (imp.state !== 'previewed' || !imp.rows_enc) throw conflict('hotline.import_applied', '该文件已经导入过了');
  const rows = JSON.parse(decryptField(imp.rows_enc) ?? '[]') as HotlineRow[];
  // Compared again at import time: another import may have come in since the preview.
  const { added, updated, unchanged } = compare(
    rows,
    await storedCases(
      tx,
      actor.committeeId,
      rows.map((r) => r.caseNo),
    ),
  );
  if (rows.length) {
    const col = <K extends keyof HotlineRow>(k: K) => sql.param(rows.map((r) => r[k]));
    await tx.execute(sql`insert into hotline_cases (committee_id, case_no, received_on, area, category, content, status, import_id)
      select ${actor.committeeId}, n, d::date, a, c, t, s, ${id}
        from unnest(${col('caseNo')}::text[], ${col('receivedOn')}::text[], ${col('area')}::text[],
          ${col('category')}::text[], ${col('content')}::text[], ${col('status')}::text[]) as x(n, d, a, c, t, s)
      on conflict (committee_id, case_no) do update set received_on = excluded.received_on, area = excluded.area,
        category = excluded.category, content = excluded.content, status = excluded.status,
        import_id = excluded.import_id, updated_at = now()
      where (hotline_cases.received_on, hotline_cases.area, hotline_cases.category, hotline_cases.content, hotline_cases.status)
        is distinct from (excluded.received_on, excluded.area, excluded.category, excluded.content, excluded.status)`);
  }
  await tx.execute(sql`update hotline_imports set state = 'applied', rows_enc = null, added = ${added}, updated = ${updated},
      unchanged = ${unchanged}, applied_at = now() where committee_id = ${actor.committeeId} and id = ${id}`);
  if (added + updated)
    await writeAudit(tx, actor, {
      action: 'grassroots.hotline.import',
      entity: 'hotline_import',
      entityId: id,
      after: { fileName: imp.file_name, added, updated, unchanged },
    });
  return { added, updated, unchanged };
}

/** The last imports, newest first (the page shows when cases last came in). */
export async function listHotlineImports(db: Db, actor: Actor) {
  const rows = await query<{
    id: number;
    fileName: string;
    total: number;
    added: number;
    updated: number;
    unchanged: number;
    appliedAt: string | Date;
    importedBy: string | null;
  }>(
    db,
    sql`select i.id, i.file_name as "fileName", i.total, i.added, i.updated, i.unchanged, i.applied_at as "appliedAt",
        a.display_name as "importedBy"
      from hotline_imports i left join accounts a on a.committee_id = i.committee_id and a.id = i.created_by
      where i.committee_id = ${actor.committeeId} and i.state = 'applied' order by i.applied_at desc, i.id desc limit 10`,
  );
  return rows.map((r) => ({ ...r, appliedAt: new Date(r.appliedAt).toISOString() }));
}
