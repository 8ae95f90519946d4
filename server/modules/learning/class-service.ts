// Study plans (one a year, themes by term) and training classes: a class has members (学员) and sessions; each
// session is a meeting of the meetings module (invitations, leave, QR check-in live there), held through the engine.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import { insertAudited } from '../../platform/audit/insert-audited.ts';
import { insertUnique } from '../../platform/audit/insert-unique.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { allowedActions } from '../../platform/workflow/engine.ts';
import { fireOnItem } from '../../platform/workflow/fire-on-item.ts';
import { createMeeting } from '../meetings/service.ts';
import { knownMemberIds, memberDirectory } from '../org/members-directory.ts';
import * as E from './errors.ts';
import { seesAllClasses } from './policy.ts';
import { SESSION_STATES, sessionProcess } from './process.ts';
import { loadSessionItem } from './repository.ts';
import type { ClassInput, PlanInput, SessionInput } from './schemas.ts';

/** A row of learning_plans as the plan pages read it. */
interface PlanRow {
  id: number;
  year: number;
  title: string;
  description: string;
  themes: { term: string; title: string; description?: string }[];
}

const presentPlan = (r: PlanRow) => ({
  id: r.id,
  year: r.year,
  title: r.title,
  description: r.description,
  themes: r.themes,
});

export async function createPlan(db: Db, actor: Actor, b: PlanInput): Promise<number> {
  return insertUnique(db, actor, {
    probe: sql`select 1 from learning_plans where committee_id = ${actor.committeeId} and year = ${b.year}`,
    refuse: E.planExists,
    insert: sql`insert into learning_plans (committee_id, year, title, description, themes, created_by)
        values (${actor.committeeId}, ${b.year}, ${b.title.trim()}, ${b.description?.trim() ?? ''}, ${JSON.stringify(b.themes)}::jsonb, ${actor.accountId}) returning id`,
    audit: { action: 'learning.plan.create', entity: 'learning_plan', after: b },
  });
}

export async function updatePlan(db: Db, actor: Actor, id: number, b: PlanInput): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await queryOne<Omit<PlanRow, 'id'>>(
      tx,
      sql`select year, title, description, themes from learning_plans where committee_id = ${actor.committeeId} and id = ${id} for update`,
    );
    if (!before) throw E.planNotFound();
    if (b.year !== before.year) {
      const clash = await queryOne(
        tx,
        sql`select 1 from learning_plans where committee_id = ${actor.committeeId} and year = ${b.year} and id <> ${id}`,
      );
      if (clash) throw E.planExists();
    }
    await tx.execute(sql`update learning_plans set year = ${b.year}, title = ${b.title.trim()}, description = ${b.description?.trim() ?? ''},
        themes = ${JSON.stringify(b.themes)}::jsonb, updated_at = now() where committee_id = ${actor.committeeId} and id = ${id}`);
    await writeAudit(tx, actor, {
      action: 'learning.plan.update',
      entity: 'learning_plan',
      entityId: id,
      before,
      after: b,
    });
  });
}

export async function listPlans(db: Db, actor: Actor) {
  const rows = await query<PlanRow>(
    db,
    sql`select id, year, title, description, themes from learning_plans where committee_id = ${actor.committeeId} order by year desc`,
  );
  return rows.map(presentPlan);
}

export async function createClass(db: Db, actor: Actor, b: ClassInput): Promise<number> {
  return db.transaction(async (tx) => {
    if (b.planId) {
      const p = await queryOne(
        tx,
        sql`select 1 from learning_plans where committee_id = ${actor.committeeId} and id = ${b.planId}`,
      );
      if (!p) throw E.badPlan();
    }
    const ids = await knownMemberIds(tx, actor.committeeId, b.memberIds, E.badMembers, { activeOnly: true });
    const id = await insertAudited(
      tx,
      actor,
      sql`insert into learning_classes (committee_id, title, year, plan_id, description, created_by)
        values (${actor.committeeId}, ${b.title.trim()}, ${b.year}, ${b.planId ?? null}, ${b.description?.trim() ?? ''}, ${actor.accountId}) returning id`,
      { action: 'learning.class.create', entity: 'learning_class', after: b },
    );
    await tx.execute(sql`insert into learning_class_members (committee_id, class_id, member_id)
      select ${actor.committeeId}, ${id}, x from unnest(${sql.param(ids)}::int[]) as x`);
    return id;
  });
}

export async function listClasses(db: Db, actor: Actor, year?: number) {
  const mine = actor.roles.includes('member') && actor.memberId != null;
  const rows = await query<{
    id: number;
    title: string;
    year: number;
    plan_id: number | null;
    description: string;
    member_count: number;
    session_count: number;
  }>(
    db,
    sql`select c.id, c.title, c.year, c.plan_id, c.description,
        (select count(*)::int from learning_class_members x where x.committee_id = c.committee_id and x.class_id = c.id) as member_count,
        (select count(*)::int from learning_sessions s where s.committee_id = c.committee_id and s.class_id = c.id and s.state <> 'cancelled') as session_count
      from learning_classes c
      where c.committee_id = ${actor.committeeId} ${year ? sql`and c.year = ${year}` : sql``}
        ${mine ? sql`and exists (select 1 from learning_class_members x where x.committee_id = c.committee_id and x.class_id = c.id and x.member_id = ${actor.memberId})` : sql``}
      order by c.year desc, c.id desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    year: r.year,
    planId: r.plan_id,
    description: r.description,
    memberCount: r.member_count,
    sessionCount: r.session_count,
  }));
}

export async function getClass(db: Db, actor: Actor, id: number) {
  const c = await queryOne<{ id: number; title: string; year: number; plan_id: number | null; description: string }>(
    db,
    sql`select id, title, year, plan_id, description from learning_classes where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  if (!c) throw E.classNotFound();
  const members = await query<{ id: number; name: string }>(
    db,
    sql`select m.id, m.name from learning_class_members x join ${memberDirectory} m on m.committee_id = x.committee_id and m.id = x.member_id
      where x.committee_id = ${actor.committeeId} and x.class_id = ${id} order by m.id`,
  );
  const isStudent = members.some((m) => m.id === actor.memberId);
  if (!isStudent && !seesAllClasses(actor)) throw E.classNotFound();
  const sessions = await query<{
    id: number;
    state: string;
    title: string;
    starts_at: string | Date;
    ends_at: string | Date;
    place: string;
    meeting_id: number | null;
  }>(
    db,
    sql`select id, state, title, starts_at, ends_at, place, meeting_id from learning_sessions
      where committee_id = ${actor.committeeId} and class_id = ${id} order by starts_at, id`,
  );
  return {
    id: c.id,
    title: c.title,
    year: c.year,
    planId: c.plan_id,
    description: c.description,
    members: members.map((m) => ({ id: m.id, name: m.name })),
    sessions: sessions.map((s) => {
      const item = {
        id: s.id,
        state: s.state,
        committeeId: actor.committeeId,
        classId: id,
        title: s.title,
        meetingId: s.meeting_id,
        startsAt: new Date(s.starts_at).toISOString(),
      };
      return {
        id: s.id,
        title: s.title,
        state: s.state,
        stateLabel: SESSION_STATES[s.state] ?? s.state,
        startsAt: item.startsAt,
        endsAt: new Date(s.ends_at).toISOString(),
        place: s.place,
        meetingId: s.meeting_id,
        actions: allowedActions(sessionProcess, actor, item),
      };
    }),
  };
}

/** A session is a meeting of the class's members: the meetings module sends the invitations and runs check-in. */
export async function addSession(db: Db, actor: Actor, classId: number, b: SessionInput): Promise<number> {
  if (new Date(b.endsAt) <= new Date(b.startsAt)) throw E.badTime();
  return db.transaction(async (tx) => {
    const c = await queryOne<{ title: string }>(
      tx,
      sql`select title from learning_classes where committee_id = ${actor.committeeId} and id = ${classId} for update`,
    );
    if (!c) throw E.classNotFound();
    const members = await query<{ member_id: number }>(
      tx,
      sql`select member_id from learning_class_members where committee_id = ${actor.committeeId} and class_id = ${classId} order by member_id`,
    );
    const meeting = await createMeeting(tx, actor, {
      kind: 'specialCommittee',
      title: `${c.title}：${b.title.trim()}`,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      place: b.place,
      agenda: '委员学习培训',
      invite: { rule: 'members', memberIds: members.map((m) => m.member_id) },
    });
    return insertAudited(
      tx,
      actor,
      sql`insert into learning_sessions (committee_id, class_id, title, starts_at, ends_at, place, meeting_id)
        values (${actor.committeeId}, ${classId}, ${b.title.trim()}, ${b.startsAt}, ${b.endsAt}, ${b.place.trim()}, ${meeting.id}) returning id`,
      {
        action: 'learning.session.create',
        entity: 'learning_session',
        after: { ...b, classId, meetingId: meeting.id },
      },
    );
  });
}

const SESSION = { load: loadSessionItem, process: sessionProcess, notFound: E.sessionNotFound };

export async function fireSessionAction(db: Db, actor: Actor, id: number, action: string, comment?: string) {
  await fireOnItem(db, actor, id, SESSION, { action, comment });
}
