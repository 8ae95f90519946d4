// Member studios (委员工作室): the register (kinds, leader, members, QR code to the public page) and micro suggestions
// (微建议) to a studio or room: answered, forwarded to a handling unit with a working-day deadline and its response,
// or turned by a member into their own proposal draft (the text carried over, linked both ways).
import { type SQL, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { addWorkingDays, beijingToday } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { notify } from '../../platform/notifications/notifications.ts';
import { normaliseLine, normaliseText } from '../../platform/text/normalise.ts';
import { unitAccountIds } from '../consultations/outcome-repository.ts';
import { memberDirectory } from '../org/members-directory.ts';
import { createProposal } from '../proposals/service.ts';
import { placeDetail } from './place-page.ts';
import { isMember, isStaff, isUnitAccount, seesAll } from './policy.ts';
import { checkMembers, convenesRoom, newPublicToken } from './room-service.ts';
import type { StudioFilter, StudioInput, SuggestionAction, SuggestionFilter, SuggestionInput } from './schemas.ts';
import { grassrootsSettings, STUDIO_KINDS, SUGGESTION_STATES } from './settings.ts';

export const studioNotFound = () => notFound('grassroots.studio', '委员工作室不存在');
const suggestionNotFound = () => notFound('grassroots.suggestion', '微建议不存在');

async function saveStudioMembers(tx: Db, actor: Actor, id: number, b: StudioInput) {
  const leader = b.leaderMemberId
    ? (await checkMembers(tx, actor.committeeId, [b.leaderMemberId], 'leaderMemberId'))[0]
    : null;
  const memberIds = await checkMembers(tx, actor.committeeId, b.memberIds ?? [], 'memberIds');
  await tx.execute(
    sql`update grassroots_studios set leader_member_id = ${leader} where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  await tx.execute(
    sql`delete from grassroots_studio_members where committee_id = ${actor.committeeId} and studio_id = ${id}`,
  );
  await tx.execute(sql`insert into grassroots_studio_members (committee_id, studio_id, member_id)
    select ${actor.committeeId}, ${id}, x from unnest(${sql.param(memberIds)}::int[]) x`);
  return { leaderMemberId: leader, memberIds };
}

export async function saveStudio(tx: Db, actor: Actor, id: number | null, b: StudioInput): Promise<{ id: number }> {
  const name = normaliseLine(b.name);
  const taken = await queryOne(
    tx,
    sql`select 1 from grassroots_studios where committee_id = ${actor.committeeId} and name = ${name} and id <> ${id ?? 0}`,
  );
  if (taken) throw conflict('grassroots.studio_name', `已有名为「${name}」的委员工作室`);
  const place = normaliseLine(b.place ?? '');
  let studioId = id;
  if (studioId == null) {
    const [row] = await query<{ id: number }>(
      tx,
      sql`insert into grassroots_studios (committee_id, name, kind, place, public_token, active)
        values (${actor.committeeId}, ${name}, ${b.kind}, ${place}, ${newPublicToken()}, ${b.active ?? true}) returning id`,
    );
    studioId = row.id;
  } else {
    const done = await query(
      tx,
      sql`update grassroots_studios set name = ${name}, kind = ${b.kind}, place = ${place}, active = ${b.active ?? true}
        where committee_id = ${actor.committeeId} and id = ${studioId} returning id`,
    );
    if (!done.length) throw studioNotFound();
  }
  const people = await saveStudioMembers(tx, actor, studioId, b);
  await writeAudit(tx, actor, {
    action: id == null ? 'grassroots.studio.create' : 'grassroots.studio.update',
    entity: 'grassroots_studio',
    entityId: studioId,
    after: { name, kind: b.kind, place, ...people },
  });
  return { id: studioId };
}

/** A row of STUDIO_COLUMNS. */
interface StudioRow {
  id: number;
  name: string;
  kind: string;
  place: string;
  active: boolean;
  leaderMemberId: number | null;
  leaderName: string | null;
  memberCount: number;
  suggestionCount: number;
}

/** A row of grassroots_suggestions. */
interface SuggestionRow {
  committee_id: number;
  id: number;
  studio_id: number | null;
  room_id: number | null;
  title: string;
  body: string;
  member_id: number | null;
  citizen_id: number | null;
  raised_by_account: number | null;
  state: string;
  answer: string | null;
  unit_id: number | null;
  due_on: string | Date | null;
  unit_response: string | null;
  proposal_id: number | null;
  handled_by: string | null;
  handled_at: string | Date | null;
  created_at: string | Date;
}

const STUDIO_COLUMNS = sql`s.id, s.name, s.kind, s.place, s.active, s.leader_member_id as "leaderMemberId", m.name as "leaderName",
  (select count(*)::int from grassroots_studio_members x where x.committee_id = s.committee_id and x.studio_id = s.id) as "memberCount",
  (select count(*)::int from grassroots_suggestions g where g.committee_id = s.committee_id and g.studio_id = s.id) as "suggestionCount"`;

export async function listStudios(db: Db, actor: Actor, q: StudioFilter, limit: number, offset: number) {
  // Studios are few (tens): a plain substring match on name and place is enough.
  const like = q.q ? `%${q.q.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  const where = sql`s.committee_id = ${actor.committeeId} ${q.kind ? sql`and s.kind = ${q.kind}` : sql``}
    ${like ? sql`and (s.name like ${like} or s.place like ${like})` : sql``}`;
  const items = await query<StudioRow>(
    db,
    sql`select ${STUDIO_COLUMNS} from grassroots_studios s left join ${memberDirectory} m on m.committee_id = s.committee_id and m.id = s.leader_member_id
      where ${where} order by s.kind, s.name, s.id limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from grassroots_studios s where ${where}`,
  );
  return { items: items.map((s) => ({ ...s, kindLabel: STUDIO_KINDS[s.kind] })), total: total?.n ?? 0 };
}

export async function getStudio(db: Db, actor: Actor, id: number, origin: string) {
  const s = await placeDetail<StudioRow>(db, actor, 'studio', STUDIO_COLUMNS, id, origin, studioNotFound);
  return { ...s, kindLabel: STUDIO_KINDS[s.kind] };
}

/** Who answers a studio's or room's suggestions: staff, the studio's leader and members, the room's executive convener. */
async function handles(db: Db, actor: Actor, g: { studio_id: number | null; room_id: number | null }) {
  if (isStaff(actor)) return true;
  if (g.room_id) return convenesRoom(db, actor, g.room_id);
  if (!actor.memberId) return false;
  const r = await queryOne(
    db,
    sql`select 1 from grassroots_studios s where s.committee_id = ${actor.committeeId} and s.id = ${g.studio_id}
      and (s.leader_member_id = ${actor.memberId} or exists (select 1 from grassroots_studio_members x
        where x.committee_id = s.committee_id and x.studio_id = s.id and x.member_id = ${actor.memberId}))`,
  );
  return !!r;
}

async function checkPlace(tx: Db, committeeId: number, b: { studioId?: number; roomId?: number }) {
  if (!!b.studioId === !!b.roomId) throw badRequest('grassroots.place', '请选择一个委员工作室或协商议事室', 'studioId');
  const ok = b.studioId
    ? await queryOne(
        tx,
        sql`select 1 from grassroots_studios where committee_id = ${committeeId} and id = ${b.studioId} and active`,
      )
    : await queryOne(
        tx,
        sql`select 1 from grassroots_rooms where committee_id = ${committeeId} and id = ${b.roomId} and active`,
      );
  if (!ok) throw badRequest('grassroots.place', '所选委员工作室或协商议事室不存在', b.studioId ? 'studioId' : 'roomId');
}

/** From a signed-in member or staff, or (citizenId given) from a resident who passed the phone code. */
export async function submitSuggestion(tx: Db, actor: Actor, b: SuggestionInput, citizenId: number | null = null) {
  await checkPlace(tx, actor.committeeId, b);
  const title = normaliseLine(b.title);
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into grassroots_suggestions (committee_id, studio_id, room_id, title, body, member_id, citizen_id, raised_by_account)
      values (${actor.committeeId}, ${b.studioId ?? null}, ${b.roomId ?? null}, ${title}, ${normaliseText(b.body)},
        ${citizenId ? null : actor.memberId}, ${citizenId}, ${actor.accountId}) returning id`,
  );
  await writeAudit(tx, actor, {
    action: 'grassroots.suggestion.submit',
    entity: 'grassroots_suggestion',
    entityId: row.id,
    after: { studioId: b.studioId ?? null, roomId: b.roomId ?? null, title, citizenId },
  });
  return row;
}

export async function actOnSuggestion(tx: Db, actor: Actor, id: number, b: SuggestionAction) {
  const g = await queryOne<SuggestionRow>(
    tx,
    sql`select * from grassroots_suggestions where committee_id = ${actor.committeeId} and id = ${id} for update`,
  );
  if (!g) throw suggestionNotFound();
  if (!(await handles(tx, actor, g)))
    throw forbidden('grassroots.handle', '只有工作室委员、议事室召集人或工作人员可以处理微建议');
  if (g.state !== 'submitted') throw conflict('grassroots.suggestion_handled', '该微建议已处理');
  let after: Record<string, unknown>;
  if (b.action === 'answer') {
    const answer = normaliseText(b.answer ?? '');
    if (!answer) throw badRequest('grassroots.answer', '请填写「答复」', 'answer');
    await tx.execute(sql`update grassroots_suggestions set state = 'answered', answer = ${answer}, handled_by = ${actor.name},
      handled_at = now() where committee_id = ${actor.committeeId} and id = ${id}`);
    after = { state: 'answered', answer };
  } else if (b.action === 'forward') {
    const unit = b.unitId
      ? await queryOne(
          tx,
          sql`select 1 from handling_units where committee_id = ${actor.committeeId} and id = ${b.unitId} and active`,
        )
      : null;
    if (!unit) throw badRequest('grassroots.unit', '请选择承办单位', 'unitId');
    const days = (await grassrootsSettings(tx, actor.committeeId)).suggestionWorkingDays;
    const dueOn = await addWorkingDays(tx, actor.committeeId, beijingToday(), days);
    await tx.execute(sql`update grassroots_suggestions set state = 'forwarded', unit_id = ${b.unitId}, due_on = ${dueOn},
      answer = ${normaliseText(b.answer ?? '') || null}, handled_by = ${actor.name}, handled_at = now()
      where committee_id = ${actor.committeeId} and id = ${id}`);
    await notify(tx, {
      committeeId: actor.committeeId,
      accountIds: await unitAccountIds(tx, actor.committeeId, [b.unitId!]),
      kind: 'grassroots.suggestion',
      title: `请于 ${dueOn} 前答复微建议：${g.title}`,
      link: '/grassroots/suggestions',
    });
    after = { state: 'forwarded', unitId: b.unitId, dueOn };
  } else {
    // The member who takes it up becomes the proposer of a draft in their own name; nothing is retyped.
    if (!isMember(actor)) throw forbidden('grassroots.draft', '只有委员可以将微建议转为本人的提案草稿');
    const proposalId = await createProposal(tx, actor, {
      kind: 'individual',
      title: g.title,
      background: `${g.body}\n\n（来源：微建议）`,
    });
    await tx.execute(sql`update grassroots_suggestions set state = 'drafted', proposal_id = ${proposalId}, handled_by = ${actor.name},
      handled_at = now() where committee_id = ${actor.committeeId} and id = ${id}`);
    after = { state: 'drafted', proposalId };
  }
  if (g.raised_by_account && g.raised_by_account !== actor.accountId)
    await notify(tx, {
      committeeId: actor.committeeId,
      accountIds: [g.raised_by_account],
      kind: 'grassroots.suggestion',
      title: `您的微建议已${SUGGESTION_STATES[after.state as string].replace(/^已/, '')}：${g.title}`,
      link: '/grassroots/suggestions',
    });
  await writeAudit(tx, actor, {
    action: `grassroots.suggestion.${b.action}`,
    entity: 'grassroots_suggestion',
    entityId: id,
    before: { state: g.state },
    after,
  });
  return after;
}

export async function respondToSuggestion(tx: Db, actor: Actor, id: number, response: string) {
  const g = await queryOne<Pick<SuggestionRow, 'id' | 'state' | 'unit_id' | 'title' | 'raised_by_account'>>(
    tx,
    sql`select id, state, unit_id, title, raised_by_account from grassroots_suggestions
      where committee_id = ${actor.committeeId} and id = ${id} for update`,
  );
  if (!g || g.unit_id !== actor.unitId) throw suggestionNotFound();
  if (g.state !== 'forwarded') throw conflict('grassroots.suggestion_responded', '该微建议已答复');
  const text = normaliseText(response);
  await tx.execute(sql`update grassroots_suggestions set state = 'fedBack', unit_response = ${text}
    where committee_id = ${actor.committeeId} and id = ${id}`);
  if (g.raised_by_account)
    await notify(tx, {
      committeeId: actor.committeeId,
      accountIds: [g.raised_by_account],
      kind: 'grassroots.suggestion',
      title: `承办单位已答复您的微建议：${g.title}`,
      link: '/grassroots/suggestions',
    });
  await writeAudit(tx, actor, {
    action: 'grassroots.suggestion.respond',
    entity: 'grassroots_suggestion',
    entityId: id,
    before: { state: g.state },
    after: { state: 'fedBack', response: text },
  });
}

/** Staff see all; units what was forwarded to them; members their own and their studios' or convened rooms'. */
/** The list's condition on suggestions `g`: staff and leaders see all; a unit what was forwarded to it; a member their
 *  own and their studios' or convened rooms'. Snapshotted in server/sql/grassroots/. */
export function suggestionListWhere(actor: Actor, q: SuggestionFilter): SQL {
  const mine = seesAll(actor)
    ? sql`true`
    : isUnitAccount(actor)
      ? sql`g.unit_id = ${actor.unitId ?? 0}`
      : sql`(g.raised_by_account = ${actor.accountId} or exists (select 1 from grassroots_studio_members x where x.committee_id = g.committee_id
          and x.studio_id = g.studio_id and x.member_id = ${actor.memberId ?? 0})
        or exists (select 1 from grassroots_studios s where s.committee_id = g.committee_id and s.id = g.studio_id and s.leader_member_id = ${actor.memberId ?? 0})
        or exists (select 1 from grassroots_rooms r where r.committee_id = g.committee_id and r.id = g.room_id and r.exec_convener_member_id = ${actor.memberId ?? 0}))`;
  return sql`g.committee_id = ${actor.committeeId} and ${mine}
    ${q.studioId ? sql`and g.studio_id = ${q.studioId}` : sql``} ${q.roomId ? sql`and g.room_id = ${q.roomId}` : sql``}
    ${q.state ? sql`and g.state = ${q.state}` : sql``}`;
}

export async function listSuggestions(db: Db, actor: Actor, q: SuggestionFilter, limit: number, offset: number) {
  const where = suggestionListWhere(actor, q);
  const rows = await query<{
    id: number;
    title: string;
    body: string;
    state: string;
    answer: string | null;
    unitResponse: string | null;
    dueOn: string | null;
    proposalId: number | null;
    handledBy: string | null;
    createdAt: string | Date;
    fromPublic: boolean;
    placeName: string;
    unitName: string | null;
    studioId: number | null;
    roomId: number | null;
  }>(
    db,
    sql`select g.id, g.title, g.body, g.state, g.answer, g.unit_response as "unitResponse", g.due_on::text as "dueOn",
        g.proposal_id as "proposalId", g.handled_by as "handledBy", g.created_at as "createdAt", g.citizen_id is not null as "fromPublic",
        coalesce(s.name, r.name) as "placeName", u.name as "unitName", g.studio_id as "studioId", g.room_id as "roomId"
      from grassroots_suggestions g
      left join grassroots_studios s on s.committee_id = g.committee_id and s.id = g.studio_id
      left join grassroots_rooms r on r.committee_id = g.committee_id and r.id = g.room_id
      left join handling_units u on u.committee_id = g.committee_id and u.id = g.unit_id
      where ${where} order by g.created_at desc, g.id desc limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from grassroots_suggestions g where ${where}`,
  );
  const today = beijingToday();
  return {
    items: rows.map((r) => ({
      ...r,
      stateLabel: SUGGESTION_STATES[r.state],
      overdue: r.state === 'forwarded' && !!r.dueOn && r.dueOn < today,
      createdAt: new Date(r.createdAt).toISOString(),
    })),
    total: total?.n ?? 0,
  };
}
