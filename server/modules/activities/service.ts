// Activities: staff create them and invite by rule, or open them for self-registration; members check in (rotating QR
// or staff marking) and submit outputs (reports, suggestions, evidence) that staff confirm or return. A check-in is an
// activity.<kind> duty fact; a confirmed output an activity.output fact; undoing either revokes it.

import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingDateOf, clockNow } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { attachFiles, listFiles } from '../../platform/files/files.ts';
import { notify } from '../../platform/notifications/notifications.ts';
import { matchSearch, toSearchVector } from '../../platform/search/search.ts';
import { recordDutyFact, revokeDutyFacts } from '../duty/facts.ts';
import {
  assertValidToken,
  checkinInvalid,
  checkinNotInvited,
  makeToken,
  newSecret,
  type ParsedToken,
  qrSvg,
} from '../meetings/checkin.ts';
import { accountsOfMembers, assertCheckinWindow, type InviteInput, membersByRule } from '../meetings/service.ts';

export const ACTIVITY_LABELS: Record<string, string> = {
  research: '调研',
  inspection: '视察',
  studyVisit: '考察',
  supervision: '民主监督',
  studio: '委员工作室活动',
  grassroots: '基层协商',
  training: '学习培训',
  reading: '读书活动',
  goodDeed: '为群众办实事',
  introduction: '引进项目或人才',
};
export const OUTPUT_LABELS: Record<string, string> = {
  report: '调研报告',
  suggestion: '意见建议',
  evidence: '履职佐证',
};
export const OUTPUT_STATUS: Record<string, string> = { submitted: '待确认', confirmed: '已确认', returned: '已退回' };

const seesAll = (actor: Actor) => actor.roles.some((r) => r !== 'member');
const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);
const shanghaiDay = (d: unknown) => beijingDateOf(d as string);

export interface ActivityRow {
  id: number;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  description: string;
  registration: string;
  capacity: number | null;
  status: string;
  secret: string;
}

export async function loadActivity(db: Db, actor: Actor, id: number, forUpdate = false): Promise<ActivityRow> {
  const a = await queryOne<ActivityRow>(
    db,
    sql`select id, kind, title, starts_at as "startsAt", ends_at as "endsAt", place, description, registration, capacity, status,
        checkin_secret as secret
      from activities where committee_id = ${actor.committeeId} and id = ${id} ${forUpdate ? sql`for update` : sql``}`,
  );
  if (!a) throw notFound('activity.not_found', '活动不存在');
  if (!seesAll(actor) && a.registration !== 'open') {
    const p = await queryOne(
      db,
      sql`select 1 from activity_participants where committee_id = ${actor.committeeId} and activity_id = ${id} and member_id = ${actor.memberId ?? 0}`,
    );
    if (!p) throw notFound('activity.not_found', '活动不存在');
  }
  return a;
}

/** Records or revokes the activity.<kind> fact of one participant from their check-in state. */
async function settleParticipant(tx: Db, committeeId: number, a: ActivityRow, memberId: number, present: boolean) {
  if (present && a.status !== 'cancelled') {
    await recordDutyFact(tx, {
      committeeId,
      memberId,
      kind: `activity.${a.kind}`,
      sourceType: 'activity',
      sourceId: a.id,
      occurredOn: shanghaiDay(a.startsAt),
      detail: { title: a.title, activityKind: a.kind },
    });
  } else {
    await revokeDutyFacts(tx, committeeId, {
      sourceType: 'activity',
      sourceId: a.id,
      memberId,
      kinds: [`activity.${a.kind}`],
    });
  }
}

export interface ActivityQuery {
  kind?: string;
  status?: string;
  q?: string;
  from?: string;
  to?: string;
  mine?: boolean;
}

export async function listActivities(db: Db, actor: Actor, q: ActivityQuery, limit: number, offset: number) {
  const c = actor.committeeId;
  const member = !seesAll(actor);
  const conds = [
    sql`a.committee_id = ${c}`,
    q.kind ? sql`a.kind = ${q.kind}` : null,
    q.status ? sql`a.status = ${q.status}` : null,
    matchSearch(sql`a.search`, q.q),
    q.from ? sql`a.starts_at >= (${q.from}::date)::timestamp at time zone 'Asia/Shanghai'` : null,
    q.to ? sql`a.starts_at < (${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'` : null,
    q.mine ? sql`p.member_id is not null` : member ? sql`(p.member_id is not null or a.registration = 'open')` : null,
  ].filter((x) => x !== null);
  const where = sql.join(conds, sql` and `);
  const join = sql`left join activity_participants p on p.committee_id = a.committee_id and p.activity_id = a.id and p.member_id = ${actor.memberId ?? 0}`;
  const rows = await query<any>(
    db,
    sql`select a.id, a.kind, a.title, a.starts_at, a.ends_at, a.place, a.registration, a.capacity, a.status,
        (select count(*)::int from activity_participants x where x.committee_id = a.committee_id and x.activity_id = a.id) as participants,
        (select count(*)::int from activity_participants x where x.committee_id = a.committee_id and x.activity_id = a.id and x.checked_in_at is not null) as checked_in,
        (select count(*)::int from activity_outputs o where o.committee_id = a.committee_id and o.activity_id = a.id and o.status = 'submitted') as outputs_pending,
        p.member_id is not null as joined, p.checked_in_at as my_checked_in_at
      from activities a ${join} where ${where} order by a.starts_at desc, a.id desc limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from activities a ${join} where ${where}`,
  );
  return {
    total: total!.n,
    items: rows.map((a) => ({
      id: a.id,
      kind: a.kind,
      kindLabel: ACTIVITY_LABELS[a.kind],
      title: a.title,
      startsAt: iso(a.starts_at)!,
      endsAt: iso(a.ends_at)!,
      place: a.place,
      registration: a.registration,
      capacity: a.capacity,
      status: a.status,
      participants: a.participants,
      checkedIn: a.checked_in,
      outputsPending: a.outputs_pending,
      joined: a.joined,
      myCheckedInAt: iso(a.my_checked_in_at),
    })),
  };
}

export async function getActivity(db: Db, actor: Actor, id: number) {
  const a = await loadActivity(db, actor, id);
  const c = actor.committeeId;
  const counts = await queryOne<any>(
    db,
    sql`select count(*)::int as participants, count(*) filter (where checked_in_at is not null)::int as checked_in
      from activity_participants where committee_id = ${c} and activity_id = ${id}`,
  );
  const mine = actor.memberId
    ? await queryOne<any>(
        db,
        sql`select source, checked_in_at, checkin_method from activity_participants where committee_id = ${c} and activity_id = ${id} and member_id = ${actor.memberId}`,
      )
    : null;
  const files = await listFiles(db, c, 'activity', id);
  return {
    id: a.id,
    kind: a.kind,
    kindLabel: ACTIVITY_LABELS[a.kind],
    title: a.title,
    startsAt: iso(a.startsAt)!,
    endsAt: iso(a.endsAt)!,
    place: a.place,
    description: a.description,
    registration: a.registration,
    capacity: a.capacity,
    status: a.status,
    participants: counts.participants,
    checkedIn: counts.checked_in,
    mine: mine
      ? { source: mine.source, checkedInAt: iso(mine.checked_in_at), checkinMethod: mine.checkin_method }
      : null,
    files: files.map((f) => ({ id: f.id, name: f.name, size: f.size })),
  };
}

export interface ActivityInput {
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  description?: string;
  registration: 'invite' | 'open';
  capacity?: number | null;
  fileIds?: number[];
}

function checkInput(b: ActivityInput) {
  if (!b.title.trim()) throw badRequest('activity.title', '「活动名称」不能为空', 'title');
  if (!b.place.trim()) throw badRequest('activity.place', '「活动地点」不能为空', 'place');
  if (new Date(b.endsAt) <= new Date(b.startsAt))
    throw badRequest('activity.time', '「结束时间」应晚于「开始时间」', 'endsAt');
}

async function addParticipants(
  tx: Db,
  actor: Actor,
  a: { id: number; title: string },
  memberIds: number[],
  source: 'invited' | 'registered',
) {
  if (!memberIds.length) return [];
  const added = await query<{ member_id: number }>(
    tx,
    sql`insert into activity_participants (committee_id, activity_id, member_id, source)
      select ${actor.committeeId}, ${a.id}, x, ${source} from unnest(${sql.param(memberIds)}::int[]) as x
      on conflict do nothing returning member_id`,
  );
  if (source === 'invited') {
    await notify(tx, {
      committeeId: actor.committeeId,
      accountIds: await accountsOfMembers(
        tx,
        actor.committeeId,
        added.map((x) => x.member_id),
      ),
      kind: 'activity.invite',
      title: `活动通知：${a.title}`,
      link: `/activities/${a.id}`,
    });
  }
  return added.map((x) => x.member_id);
}

export async function createActivity(tx: Db, actor: Actor, b: ActivityInput & { invite?: InviteInput }) {
  checkInput(b);
  const memberIds = b.invite ? await membersByRule(tx, actor.committeeId, b.invite) : [];
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into activities (committee_id, kind, title, starts_at, ends_at, place, description, registration, capacity, checkin_secret, created_by, search)
      values (${actor.committeeId}, ${b.kind}, ${b.title.trim()}, ${b.startsAt}, ${b.endsAt}, ${b.place.trim()}, ${b.description ?? ''},
        ${b.registration}, ${b.capacity ?? null}, ${newSecret()}, ${actor.accountId}, ${toSearchVector(b.title, b.place, b.description)})
      returning id`,
  );
  await addParticipants(tx, actor, { id: row.id, title: b.title }, memberIds, 'invited');
  await attachFiles(tx, actor, b.fileIds ?? [], 'activity', row.id);
  await writeAudit(tx, actor, {
    action: 'activity.create',
    entity: 'activity',
    entityId: row.id,
    after: { ...b, invited: memberIds.length },
  });
  return { id: row.id, invited: memberIds.length };
}

export async function updateActivity(tx: Db, actor: Actor, id: number, b: ActivityInput) {
  const before = await loadActivity(tx, actor, id, true);
  if (before.status !== 'open') throw conflict('activity.not_editable', '活动已结束或已取消，不能修改');
  checkInput(b);
  await tx.execute(sql`update activities set kind = ${b.kind}, title = ${b.title.trim()}, starts_at = ${b.startsAt}, ends_at = ${b.endsAt},
      place = ${b.place.trim()}, description = ${b.description ?? ''}, registration = ${b.registration}, capacity = ${b.capacity ?? null},
      search = ${toSearchVector(b.title, b.place, b.description)}, updated_at = now()
    where committee_id = ${actor.committeeId} and id = ${id}`);
  await attachFiles(tx, actor, b.fileIds ?? [], 'activity', id);
  if (before.kind !== b.kind || before.startsAt !== b.startsAt || before.title !== b.title) {
    // The facts carry kind, day and title: re-derive them for everyone checked in.
    const after = await loadActivity(tx, actor, id);
    const present = await query<{ member_id: number }>(
      tx,
      sql`select member_id from activity_participants where committee_id = ${actor.committeeId} and activity_id = ${id} and checked_in_at is not null`,
    );
    await revokeDutyFacts(tx, actor.committeeId, {
      sourceType: 'activity',
      sourceId: id,
      kinds: [`activity.${before.kind}`],
    });
    for (const p of present) await settleParticipant(tx, actor.committeeId, after, p.member_id, true);
  }
  const { secret: _s, ...plain } = before;
  await writeAudit(tx, actor, { action: 'activity.update', entity: 'activity', entityId: id, before: plain, after: b });
}

export async function inviteToActivity(tx: Db, actor: Actor, id: number, invite: InviteInput) {
  const a = await loadActivity(tx, actor, id, true);
  if (a.status === 'cancelled') throw conflict('activity.cancelled', '活动已取消');
  const ids = await membersByRule(tx, actor.committeeId, invite);
  const added = await addParticipants(tx, actor, a, ids, 'invited');
  await writeAudit(tx, actor, {
    action: 'activity.invite',
    entity: 'activity',
    entityId: id,
    after: { invite, added },
  });
  return { added: added.length };
}

export async function register(tx: Db, actor: Actor, id: number, join: boolean) {
  if (!actor.memberId) throw forbidden('activity.member_only', '只有委员可以报名');
  const a = await loadActivity(tx, actor, id, true);
  if (a.status !== 'open') throw conflict('activity.not_open', '活动已结束或已取消');
  const mine = await queryOne<any>(
    tx,
    sql`select source, checked_in_at from activity_participants where committee_id = ${actor.committeeId} and activity_id = ${id} and member_id = ${actor.memberId}`,
  );
  if (join) {
    if (a.registration !== 'open') throw forbidden('activity.invite_only', '本活动只接受邀请，不能自行报名');
    if (mine) throw conflict('activity.already', '您已报名本活动');
    if (a.capacity) {
      const n = await queryOne<{ n: number }>(
        tx,
        sql`select count(*)::int as n from activity_participants where committee_id = ${actor.committeeId} and activity_id = ${id}`,
      );
      if (n!.n >= a.capacity) throw conflict('activity.full', '报名人数已满');
    }
    await addParticipants(tx, actor, a, [actor.memberId], 'registered');
  } else {
    if (!mine) throw conflict('activity.not_joined', '您未报名本活动');
    if (mine.checked_in_at) throw conflict('activity.checked_in', '您已签到，不能取消报名');
    await tx.execute(
      sql`delete from activity_participants where committee_id = ${actor.committeeId} and activity_id = ${id} and member_id = ${actor.memberId}`,
    );
  }
  await writeAudit(tx, actor, {
    action: join ? 'activity.register' : 'activity.unregister',
    entity: 'activity',
    entityId: id,
    after: { memberId: actor.memberId },
  });
}

export async function markActivityAttendance(tx: Db, actor: Actor, id: number, memberId: number, present: boolean) {
  const a = await loadActivity(tx, actor, id, true);
  if (a.status === 'cancelled') throw conflict('activity.cancelled', '活动已取消');
  const p = await queryOne<any>(
    tx,
    sql`select checked_in_at from activity_participants where committee_id = ${actor.committeeId} and activity_id = ${id} and member_id = ${memberId} for update`,
  );
  if (!p) throw notFound('activity.participant_not_found', '该委员不在活动名单中');
  await tx.execute(sql`update activity_participants set
      checked_in_at = ${present ? sql`coalesce(checked_in_at, now())` : sql`null`},
      checkin_method = ${present ? sql`coalesce(checkin_method, 'staff')` : sql`null`}
    where committee_id = ${actor.committeeId} and activity_id = ${id} and member_id = ${memberId}`);
  await settleParticipant(tx, actor.committeeId, a, memberId, present);
  await writeAudit(tx, actor, {
    action: present ? 'activity.mark_present' : 'activity.undo_checkin',
    entity: 'activity',
    entityId: id,
    before: { memberId, checkedInAt: iso(p.checked_in_at) },
    after: { memberId, present },
  });
}

export async function activityCheckinCode(db: Db, actor: Actor, id: number, origin: string) {
  const a = await loadActivity(db, actor, id);
  if (a.status !== 'open') throw conflict('activity.not_open', '活动已结束或已取消，不能签到');
  const { token, expiresAt } = makeToken('a', actor.committeeId, id, a.secret);
  const url = `${origin}/checkin?token=${encodeURIComponent(token)}`;
  return { token, url, expiresAt, svg: await qrSvg(url), title: a.title };
}

/** Scan check-in to an activity: an open activity takes walk-in members too (they are registered on the spot). */
export async function checkinActivityWithToken(tx: Db, actor: Actor, p: ParsedToken) {
  const a = await queryOne<ActivityRow>(
    tx,
    sql`select id, kind, title, starts_at as "startsAt", ends_at as "endsAt", place, description, registration, capacity, status, checkin_secret as secret
      from activities where committee_id = ${actor.committeeId} and id = ${p.id}`,
  );
  if (!a) throw checkinInvalid();
  assertValidToken(p, a.secret);
  if (a.status !== 'open') throw conflict('activity.not_open', '活动已结束或已取消，不能签到');
  await assertCheckinWindow(tx, actor.committeeId, { starts_at: a.startsAt, ends_at: a.endsAt }, '活动');
  const memberId = actor.memberId!;
  let part = await queryOne<any>(
    tx,
    sql`select checked_in_at from activity_participants where committee_id = ${actor.committeeId} and activity_id = ${a.id} and member_id = ${memberId} for update`,
  );
  if (!part) {
    if (a.registration !== 'open') throw checkinNotInvited('活动');
    await addParticipants(tx, actor, a, [memberId], 'registered');
    part = { checked_in_at: null };
  }
  if (!part.checked_in_at) {
    await tx.execute(sql`update activity_participants set checked_in_at = now(), checkin_method = 'qr'
      where committee_id = ${actor.committeeId} and activity_id = ${a.id} and member_id = ${memberId}`);
    await settleParticipant(tx, actor.committeeId, a, memberId, true);
    await writeAudit(tx, actor, {
      action: 'activity.checkin',
      entity: 'activity',
      entityId: a.id,
      after: { memberId },
    });
  }
  const now = await queryOne<any>(tx, sql`select now() as t`);
  return {
    target: 'activity' as const,
    id: a.id,
    title: a.title,
    checkedInAt: iso(part.checked_in_at ?? now!.t)!,
    already: !!part.checked_in_at,
  };
}

export async function participantSheet(
  db: Db,
  actor: Actor,
  id: number,
  q: { q?: string; checkedIn?: boolean },
  limit: number,
  offset: number,
) {
  const a = await loadActivity(db, actor, id);
  const base = sql`from activity_participants p join members mb on mb.committee_id = p.committee_id and mb.id = p.member_id
      left join sectors s on s.committee_id = mb.committee_id and s.id = mb.sector_id
    where p.committee_id = ${actor.committeeId} and p.activity_id = ${id}
      ${q.q ? sql`and (mb.name like ${`%${q.q}%`} or mb.code like ${`%${q.q}%`})` : sql``}
      ${q.checkedIn === undefined ? sql`` : q.checkedIn ? sql`and p.checked_in_at is not null` : sql`and p.checked_in_at is null`}`;
  const rows = await query<any>(
    db,
    sql`select p.member_id, mb.name, mb.code, s.name as sector, p.source, p.checked_in_at, p.checkin_method,
        (select count(*)::int from activity_outputs o where o.committee_id = p.committee_id and o.activity_id = p.activity_id and o.member_id = p.member_id) as outputs
      ${base} order by mb.code nulls last, mb.id limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n ${base}`);
  return {
    activity: { id: a.id, title: a.title, kind: a.kind, status: a.status },
    total: total!.n,
    items: rows.map((r) => ({
      memberId: r.member_id,
      name: r.name,
      code: r.code,
      sector: r.sector,
      source: r.source,
      checkedInAt: iso(r.checked_in_at),
      checkinMethod: r.checkin_method,
      outputs: r.outputs,
    })),
  };
}

// ---- outputs ----

export async function listOutputs(
  db: Db,
  actor: Actor,
  q: { activityId?: number; status?: string; mine?: boolean },
  limit: number,
  offset: number,
) {
  const own = !seesAll(actor) || q.mine;
  const where = sql.join(
    [
      sql`o.committee_id = ${actor.committeeId}`,
      own ? sql`o.member_id = ${actor.memberId ?? 0}` : null,
      q.activityId ? sql`o.activity_id = ${q.activityId}` : null,
      q.status ? sql`o.status = ${q.status}` : null,
    ].filter((x) => x !== null),
    sql` and `,
  );
  const rows = await query<any>(
    db,
    sql`select o.id, o.activity_id, a.title as activity_title, a.kind as activity_kind, o.member_id, mb.name as member_name, o.kind, o.title, o.body,
        o.status, o.review_comment, o.reviewed_by, o.submitted_at, o.reviewed_at,
        coalesce((select json_agg(json_build_object('id', f.id, 'name', f.name, 'size', f.size) order by f.id) from files f
          where f.committee_id = o.committee_id and f.entity = 'activityOutput' and f.entity_id = o.id), '[]') as files
      from activity_outputs o join activities a on a.committee_id = o.committee_id and a.id = o.activity_id
        join members mb on mb.committee_id = o.committee_id and mb.id = o.member_id
      where ${where} order by o.submitted_at desc, o.id desc limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from activity_outputs o where ${where}`,
  );
  return {
    total: total!.n,
    items: rows.map((r) => ({
      id: r.id,
      activityId: r.activity_id,
      activityTitle: r.activity_title,
      activityKindLabel: ACTIVITY_LABELS[r.activity_kind],
      memberId: r.member_id,
      memberName: r.member_name,
      kind: r.kind,
      kindLabel: OUTPUT_LABELS[r.kind],
      title: r.title,
      body: r.body,
      status: r.status,
      statusLabel: OUTPUT_STATUS[r.status],
      reviewComment: r.review_comment,
      reviewedBy: r.reviewed_by,
      submittedAt: iso(r.submitted_at)!,
      reviewedAt: iso(r.reviewed_at),
      files: typeof r.files === 'string' ? JSON.parse(r.files) : r.files,
    })),
  };
}

export async function submitOutput(
  tx: Db,
  actor: Actor,
  activityId: number,
  b: { kind: 'report' | 'suggestion' | 'evidence'; title: string; body?: string; fileIds?: number[] },
) {
  if (!actor.memberId) throw forbidden('activity.member_only', '只有委员可以提交活动成果');
  const a = await loadActivity(tx, actor, activityId);
  if (a.status === 'cancelled') throw conflict('activity.cancelled', '活动已取消');
  const p = await queryOne(
    tx,
    sql`select 1 from activity_participants where committee_id = ${actor.committeeId} and activity_id = ${activityId} and member_id = ${actor.memberId}`,
  );
  if (!p) throw forbidden('activity.not_participant', '您不在本次活动的名单中，不能提交成果');
  if (!b.title.trim()) throw badRequest('output.title', '「成果标题」不能为空', 'title');
  if (!b.body?.trim() && !b.fileIds?.length)
    throw badRequest('output.empty', '请填写「成果内容」或上传佐证材料', 'body');
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into activity_outputs (committee_id, activity_id, member_id, kind, title, body)
      values (${actor.committeeId}, ${activityId}, ${actor.memberId}, ${b.kind}, ${b.title.trim()}, ${b.body ?? ''}) returning id`,
  );
  await attachFiles(tx, actor, b.fileIds ?? [], 'activityOutput', row.id);
  await writeAudit(tx, actor, {
    action: 'activity.output_submit',
    entity: 'activityOutput',
    entityId: row.id,
    after: b,
  });
  return { id: row.id };
}

export async function reviewOutput(
  tx: Db,
  actor: Actor,
  id: number,
  b: { action: 'confirm' | 'return' | 'revoke'; comment?: string },
) {
  const o = await queryOne<any>(
    tx,
    sql`select o.id, o.member_id, o.kind, o.title, o.status, o.activity_id, a.kind as activity_kind, a.title as activity_title, a.starts_at
      from activity_outputs o join activities a on a.committee_id = o.committee_id and a.id = o.activity_id
      where o.committee_id = ${actor.committeeId} and o.id = ${id} for update of o`,
  );
  if (!o) throw notFound('output.not_found', '活动成果不存在');
  const moves = { confirm: ['submitted', 'returned'], return: ['submitted'], revoke: ['confirmed'] };
  if (!moves[b.action].includes(o.status))
    throw conflict('output.bad_status', `成果当前为「${OUTPUT_STATUS[o.status]}」，不能执行此操作`);
  if (b.action === 'return' && !b.comment?.trim())
    throw badRequest('output.comment', '退回时请填写「意见」', 'comment');
  const to = b.action === 'confirm' ? 'confirmed' : b.action === 'return' ? 'returned' : 'submitted';
  await tx.execute(sql`update activity_outputs set status = ${to}, review_comment = ${b.comment?.trim() || null},
      reviewed_by = ${actor.name}, reviewed_at = now()
    where committee_id = ${actor.committeeId} and id = ${id}`);
  if (b.action === 'confirm') {
    await recordDutyFact(tx, {
      committeeId: actor.committeeId,
      memberId: o.member_id,
      kind: 'activity.output',
      sourceType: 'activityOutput',
      sourceId: id,
      occurredOn: clockNow(),
      detail: { title: o.title, outputKind: o.kind, activityKind: o.activity_kind, activityId: o.activity_id },
    });
  } else if (b.action === 'revoke') {
    await revokeDutyFacts(tx, actor.committeeId, { sourceType: 'activityOutput', sourceId: id });
  }
  await notify(tx, {
    committeeId: actor.committeeId,
    accountIds: await accountsOfMembers(tx, actor.committeeId, [o.member_id]),
    kind: 'activity.output_review',
    title: `活动成果「${o.title}」${OUTPUT_STATUS[to]}`,
    body: b.comment?.trim() || undefined,
    link: `/activities/${o.activity_id}`,
  });
  await writeAudit(tx, actor, {
    action: `activity.output_${b.action}`,
    entity: 'activityOutput',
    entityId: id,
    before: { status: o.status },
    after: { status: to, comment: b.comment ?? null },
  });
}
