// Rotating signed check-in codes: the venue screen shows a QR code of /checkin?token=…; the token names the item and a
// 30-second window and is signed (HMAC-SHA256) with the item's own secret, so a photo of the code stops working within a
// minute and a code cannot be forged for another meeting or committee. Meetings and activities share the code, its
// route schema and the recording of a scan here, each with its own table, audit action and duty settlement.
import crypto from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { Type } from 'typebox';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { badRequest, forbidden } from '../../platform/errors.ts';
import { ErrorBody } from '../../platform/routes.ts';

export const WINDOW_SECONDS = 30;

export type CheckinTarget = 'm' | 'a'; // meeting | activity

const sign = (secret: string, payload: string) =>
  crypto.createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 22);

export const newSecret = () => crypto.randomBytes(24).toString('base64url');

export function currentWindow(now = Date.now()): number {
  return Math.floor(now / 1000 / WINDOW_SECONDS);
}

export function makeToken(target: CheckinTarget, committeeId: number, id: number, secret: string, now = Date.now()) {
  const w = currentWindow(now);
  const payload = `${target}.${committeeId}.${id}.${w}`;
  return {
    token: `${payload}.${sign(secret, payload)}`,
    expiresAt: new Date((w + 2) * WINDOW_SECONDS * 1000).toISOString(),
  };
}

export interface ParsedToken {
  target: CheckinTarget;
  committeeId: number;
  id: number;
  window: number;
  signature: string;
}

/** Parses without trusting: the caller loads the item's secret and calls verifyToken. */
export function parseToken(token: string): ParsedToken | null {
  const m = /^([ma])\.(\d{1,9})\.(\d{1,9})\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  return {
    target: m[1] as CheckinTarget,
    committeeId: Number(m[2]),
    id: Number(m[3]),
    window: Number(m[4]),
    signature: m[5],
  };
}

/** 'ok', or why not: a code is valid in its own 30-second window and the next one. */
export function verifyToken(p: ParsedToken, secret: string, now = Date.now()): 'ok' | 'bad' | 'expired' {
  const expected = sign(secret, `${p.target}.${p.committeeId}.${p.id}.${p.window}`);
  if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(p.signature))) return 'bad';
  const w = currentWindow(now);
  if (p.window > w || p.window < w - 1) return 'expired';
  return 'ok';
}

/** 400 checkin.invalid: not a code of this committee, of this item, or not signed by it. */
export const checkinInvalid = () => badRequest('checkin.invalid', '签到码无效，请重新扫描现场二维码', 'token');

/** 403 checkin.not_invited: the member is not on the list of this meeting or activity. */
export const checkinNotInvited = (what: '会议' | '活动') =>
  forbidden(
    'checkin.not_invited',
    what === '会议' ? '您不在本次会议的参会名单中，请联系会务人员' : '您不在本次活动的名单中，请联系工作人员',
  );

/** Throws unless the scanned code is signed by the item's own secret and still current. */
export function assertValidToken(p: ParsedToken, secret: string): void {
  const v = verifyToken(p, secret);
  if (v === 'bad') throw checkinInvalid();
  if (v === 'expired') throw badRequest('checkin.expired', '签到码已过期，请扫描屏幕上最新的二维码', 'token');
}

export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** A venue screen's code with its link and QR picture, for the item (already checked to be open) of `target`. */
export async function checkinCodeFor(
  target: CheckinTarget,
  item: { committeeId: number; id: number; secret: string; title: string },
  origin: string,
) {
  const { token, expiresAt } = makeToken(target, item.committeeId, item.id, item.secret);
  const url = `${origin}/checkin?token=${encodeURIComponent(token)}`;
  return { token, url, expiresAt, svg: await qrSvg(url), title: item.title };
}

/** The response of GET /api/meetings/:id/checkin-code and /api/activities/:id/checkin-code. */
export const CheckinCodeResponse = {
  200: Type.Object({
    token: Type.String(),
    url: Type.String(),
    expiresAt: Type.String(),
    svg: Type.String(),
    title: Type.String(),
  }),
  404: ErrorBody,
  409: ErrorBody,
};

/** The table of who may check in to a meeting (invitees) or an activity (participants). */
const ROWS: Record<'meeting' | 'activity', { table: SQL; key: SQL }> = {
  meeting: { table: sql.raw('meeting_invitees'), key: sql.raw('meeting_id') },
  activity: { table: sql.raw('activity_participants'), key: sql.raw('activity_id') },
};

/** The member's row on the list of the meeting or activity, locked for the check-in; undefined when not on it. */
export function lockCheckinRow(
  tx: Db,
  kind: 'meeting' | 'activity',
  committeeId: number,
  id: number,
  memberId: number,
) {
  const { table, key } = ROWS[kind];
  return queryOne<{ checked_in_at: string | Date | null }>(
    tx,
    sql`select checked_in_at from ${table} where committee_id = ${committeeId} and ${key} = ${id} and member_id = ${memberId} for update`,
  );
}

/**
 * A scan check-in on a locked row: marked once (by QR), the duty fact settled and the scan audited; a second scan
 * only answers when the first one was.
 */
export async function recordScan(
  tx: Db,
  actor: Actor,
  kind: 'meeting' | 'activity',
  item: { id: number; title: string },
  row: { checked_in_at: string | Date | null },
  settle: () => Promise<unknown>,
  auditAfter: Record<string, unknown>,
) {
  const { table, key } = ROWS[kind];
  const memberId = actor.memberId!;
  if (!row.checked_in_at) {
    await tx.execute(sql`update ${table} set checked_in_at = now(), checkin_method = 'qr'
      where committee_id = ${actor.committeeId} and ${key} = ${item.id} and member_id = ${memberId}`);
    await settle();
    await writeAudit(tx, actor, { action: `${kind}.checkin`, entity: kind, entityId: item.id, after: auditAfter });
  }
  const at = row.checked_in_at ?? (await queryOne<{ t: string | Date }>(tx, sql`select now() as t`))!.t;
  return {
    target: kind,
    id: item.id,
    title: item.title,
    checkedInAt: new Date(at).toISOString(),
    already: !!row.checked_in_at,
  };
}
