// The public side (no account): reading rooms, studios and published results by their QR token, and writing with a
// phone number and a one-time code. Codes are stored hashed, limited per phone and per address, and spent after a few
// wrong tries; phones are encrypted like members' and never shown back. A resident's topic gets a token of its own.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { beijingToday, startOfBeijingDay } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { blindIndex, encryptField, maskPhone } from '../../platform/secrets/field-crypto.ts';
import { memberDirectory } from '../org/members-directory.ts';
import { publicReception } from './reception.ts';
import { grassrootsSettings, ITEM_STATES, STUDIO_KINDS, TOPIC_STATES } from './settings.ts';
import { type SmsLog, smsSender } from './sms.ts';
import { topicNotFound } from './topic-service.ts';

export type Place = { kind: 'room' | 'studio'; committeeId: number; id: number; name: string };

/** The public's limits (codes, submissions): other modules raise the same fault through this. */
export const tooMany = (message: string) => new AppError(429, 'grassroots.rate_limited', message);

export async function placeByToken(db: Db, kind: 'room' | 'studio', token: string): Promise<Place> {
  const row =
    kind === 'room'
      ? await queryOne<{ committee_id: number; id: number; name: string }>(
          db,
          sql`select committee_id, id, name from grassroots_rooms where public_token = ${token} and active`,
        )
      : await queryOne<{ committee_id: number; id: number; name: string }>(
          db,
          sql`select committee_id, id, name from grassroots_studios where public_token = ${token} and active`,
        );
  if (!row) throw notFound('grassroots.public', kind === 'room' ? '协商议事室不存在' : '委员工作室不存在');
  return { kind, committeeId: row.committee_id, id: row.id, name: row.name };
}

/** Who acts in the audit trail for a resident: no account, the masked phone only. */
export const citizenActor = (committeeId: number, phone: string, ip: string): Actor => ({
  committeeId,
  accountId: null,
  name: `群众（${maskPhone(phone)}）`,
  roles: [],
  memberId: null,
  unitId: null,
  orgId: null,
  informantId: null,
  ip,
});

const codeHash = (phone: string, code: string) => blindIndex(`${phone}:${code}`)!;

/** A fresh six-digit code for the phone, unless the phone or the address has asked too often in the last hour. */
export async function issueCode(
  tx: Db,
  committeeId: number,
  phone: string,
  ip: string,
): Promise<{ code: string; minutes: number }> {
  const s = await grassrootsSettings(tx, committeeId);
  const phoneHash = blindIndex(phone)!;
  const counts = await queryOne<{ phone: number; address: number }>(
    tx,
    sql`select count(*) filter (where committee_id = ${committeeId} and phone_hash = ${phoneHash})::int as phone,
        count(*) filter (where ip = ${ip})::int as address
      from grassroots_phone_codes where created_at > now() - interval '1 hour'`,
  );
  if ((counts?.phone ?? 0) >= s.codesPerPhonePerHour) throw tooMany('该手机号获取验证码过于频繁，请一小时后再试');
  if ((counts?.address ?? 0) >= s.codesPerAddressPerHour) throw tooMany('获取验证码过于频繁，请稍后再试');
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  await tx.execute(sql`insert into grassroots_phone_codes (committee_id, phone_hash, code_hash, ip, expires_at)
    values (${committeeId}, ${phoneHash}, ${codeHash(phone, code)}, ${ip}, now() + make_interval(mins => ${s.codeMinutes}))`);
  return { code, minutes: s.codeMinutes };
}

/**
 * Issues a code for the phone (issueCode, in its own transaction; 429 when asked too often) and texts it through the
 * configured SMS sender; answers `{ ok: true, minutes }`, the code's validity in minutes. The code is never returned.
 */
export async function sendCode(db: Db, committeeId: number, phone: string, ip: string, log: SmsLog) {
  const { code, minutes } = await db.transaction((tx) => issueCode(tx, committeeId, phone, ip));
  await smsSender(process.env, log).send(phone, `您的验证码是${code}，${minutes}分钟内有效。如非本人操作请忽略。`);
  return { ok: true, minutes };
}

/**
 * Checks the code against the phone's latest live one (a wrong try counts; too many spend it) and the day's submission
 * limit, then finds or creates the citizen. Returns the citizen's id. Called with the database, not in the write's
 * transaction, so that a wrong try is counted although the request fails.
 */
export async function verifyCode(db: Db, committeeId: number, phone: string, code: string): Promise<number> {
  const s = await grassrootsSettings(db, committeeId);
  const phoneHash = blindIndex(phone)!;
  const live = await queryOne<{ id: number; code_hash: string; attempts: number }>(
    db,
    sql`select id, code_hash, attempts from grassroots_phone_codes where committee_id = ${committeeId} and phone_hash = ${phoneHash}
      and not used and expires_at > now() order by created_at desc, id desc limit 1`,
  );
  if (!live || live.attempts >= s.codeMaxAttempts)
    throw badRequest('grassroots.code', '验证码已失效，请重新获取', 'code');
  const ok = crypto.timingSafeEqual(Buffer.from(live.code_hash), Buffer.from(codeHash(phone, code)));
  if (!ok) {
    await db.execute(
      sql`update grassroots_phone_codes set attempts = attempts + 1 where committee_id = ${committeeId} and id = ${live.id}`,
    );
    throw badRequest('grassroots.code', '验证码不正确', 'code');
  }
  const known = await queryOne<{ id: number }>(
    db,
    sql`select id from grassroots_citizens where committee_id = ${committeeId} and phone_hash = ${phoneHash}`,
  );
  if (known) {
    const since = startOfBeijingDay(beijingToday()).toISOString();
    const today = await queryOne<{ n: number }>(
      db,
      sql`select (select count(*) from grassroots_topics where committee_id = ${committeeId} and citizen_id = ${known.id} and created_at >= ${since})::int
        + (select count(*) from grassroots_suggestions where committee_id = ${committeeId} and citizen_id = ${known.id} and created_at >= ${since})::int as n`,
    );
    if ((today?.n ?? 0) >= s.submissionsPerPhonePerDay) throw tooMany('今日提交次数已达上限，请明天再试');
  }
  await db.execute(
    sql`update grassroots_phone_codes set used = true where committee_id = ${committeeId} and id = ${live.id}`,
  );
  const citizen = known
    ? known
    : await queryOne<{ id: number }>(
        db,
        sql`insert into grassroots_citizens (committee_id, phone_enc, phone_hash) values (${committeeId}, ${encryptField(phone)}, ${phoneHash})
          on conflict (committee_id, phone_hash) do update set phone_hash = excluded.phone_hash returning id`,
      );
  return citizen!.id;
}

/** A room's public page: the register entry and the results of sessions the staff published. Nothing about people. */
export async function publicRoom(db: Db, place: Place) {
  const room = await queryOne<{
    name: string;
    township: string;
    village: string;
    firstConvener: string;
    firstConvenerTitle: string;
    execConvenerName: string | null;
  }>(
    db,
    sql`select r.name, r.township, r.village, r.first_convener as "firstConvener", r.first_convener_title as "firstConvenerTitle",
        m.name as "execConvenerName"
      from grassroots_rooms r left join ${memberDirectory} m on m.committee_id = r.committee_id and m.id = r.exec_convener_member_id
      where r.committee_id = ${place.committeeId} and r.id = ${place.id}`,
  );
  const sessions = await query<{ id: number; title: string; heldOn: string | null }>(
    db,
    sql`select s.id, e.title, e.held_on::text as "heldOn" from grassroots_sessions s
      join consultation_events e on e.committee_id = s.committee_id and e.id = s.event_id
      where s.committee_id = ${place.committeeId} and s.room_id = ${place.id} and s.results_published
        and e.state in ('held', 'minuted', 'done') order by e.held_on desc, s.id desc limit 50`,
  );
  const items = await query<{
    sessionId: number;
    content: string;
    unitName: string;
    state: string;
    feedback: string | null;
  }>(
    db,
    sql`select i.session_id as "sessionId", i.content, u.name as "unitName", i.state, i.feedback from grassroots_agreed_items i
      join handling_units u on u.committee_id = i.committee_id and u.id = i.unit_id
      where i.committee_id = ${place.committeeId} and i.session_id = any(${sql.param(sessions.map((s) => s.id))}::int[]) order by i.id`,
  );
  // Photos of published sessions only (their files are served by /api/public/rooms/:token/photos/:id).
  const photos = await query<{ id: number; session_id: number }>(
    db,
    sql`select id, entity_id as session_id from files where committee_id = ${place.committeeId} and entity = 'grassroots_session'
      and entity_id = any(${sql.param(sessions.map((s) => s.id))}::int[]) and mime like 'image/%' order by id`,
  );
  return {
    ...room,
    results: sessions.map((s) => ({
      title: s.title,
      heldOn: s.heldOn,
      photoIds: photos.filter((p) => p.session_id === s.id).map((p) => p.id),
      items: items
        .filter((i) => i.sessionId === s.id)
        .map((i) => ({
          content: i.content,
          unitName: i.unitName,
          stateLabel: ITEM_STATES[i.state],
          feedback: i.feedback ?? null,
        })),
    })),
  };
}

export async function publicStudio(db: Db, place: Place) {
  // The place was found by its token just before, so the studio is there.
  const s = (await queryOne<{ name: string; kind: string; place: string; leaderName: string | null }>(
    db,
    sql`select s.name, s.kind, s.place, m.name as "leaderName" from grassroots_studios s
      left join ${memberDirectory} m on m.committee_id = s.committee_id and m.id = s.leader_member_id
      where s.committee_id = ${place.committeeId} and s.id = ${place.id}`,
  ))!;
  return {
    name: s.name,
    kindLabel: STUDIO_KINDS[s.kind],
    place: s.place,
    leaderName: s.leaderName ?? null,
    reception: await publicReception(db, place.committeeId, place.id),
  };
}

/** The resident's own topic page (its token came back when they raised it): state, the reason, agreed items and feedback. */
export async function publicTopic(db: Db, token: string) {
  const t = await queryOne<{
    committee_id: number;
    id: number;
    title: string;
    state: string;
    answer: string | null;
    roomName: string;
  }>(
    db,
    sql`select t.committee_id, t.id, t.title, t.state, t.answer, r.name as "roomName" from grassroots_topics t
      join grassroots_rooms r on r.committee_id = t.committee_id and r.id = t.room_id where t.public_token = ${token}`,
  );
  if (!t) throw topicNotFound();
  const items = await query<{
    content: string;
    unitName: string;
    state: string;
    feedback: string | null;
    dueOn: string;
  }>(
    db,
    sql`select i.content, u.name as "unitName", i.state, i.feedback, i.due_on::text as "dueOn" from grassroots_agreed_items i
      join handling_units u on u.committee_id = i.committee_id and u.id = i.unit_id
      where i.committee_id = ${t.committee_id} and i.topic_id = ${t.id} order by i.id`,
  );
  return {
    title: t.title,
    roomName: t.roomName,
    stateLabel: TOPIC_STATES[t.state],
    declineReason: t.state === 'declined' ? t.answer : null,
    items: items.map((i) => ({
      ...i,
      stateLabel: ITEM_STATES[i.state],
      feedback: i.feedback ?? null,
      state: undefined,
    })),
  };
}

/** The committee's active rooms and studios with their QR tokens, for the public site's list (register data only). */
export async function publicPlaces(db: Db, committeeId: number) {
  const rooms = await query<{ name: string; township: string; village: string; token: string; results: number }>(
    db,
    sql`select r.name, r.township, r.village, r.public_token as token,
        (select count(*)::int from grassroots_sessions s where s.committee_id = r.committee_id and s.room_id = r.id and s.results_published) as results
      from grassroots_rooms r where r.committee_id = ${committeeId} and r.active order by r.township, r.name limit 500`,
  );
  const studios = await query<{ name: string; kind: string; place: string; token: string }>(
    db,
    sql`select name, kind, place, public_token as token from grassroots_studios
      where committee_id = ${committeeId} and active order by name limit 500`,
  );
  return {
    rooms,
    studios: studios.map((s) => ({ name: s.name, kindLabel: STUDIO_KINDS[s.kind], place: s.place, token: s.token })),
  };
}
