// 委员会客室: each studio keeps a rota of members on duty by Beijing date. A question from the public goes to the member
// on duty that day (or the next day someone is); a job at the end of its day moves an unanswered question to the next
// member on duty and flags it. The member answers online and says whether the answer may show on the public page.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { addDays, beijingToday, iso, startOfBeijingDay } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { cancelJobs, registerJobHandler, scheduleJob } from '../../platform/jobs/jobs.ts';
import { notify } from '../../platform/notifications/notifications.ts';
import { normaliseText } from '../../platform/text/normalise.ts';
import { countedTodos } from '../../platform/todos.ts';
import { memberDirectory } from '../org/members-directory.ts';
import { isStaff, isStudioLeader } from './policy.ts';
import { tooMany } from './public-service.ts';
import type { AnswerInput, RotaInput } from './reception-schemas.ts';
import { grassrootsSettings } from './settings.ts';
import { studioNotFound } from './studio-service.ts';

export const RECEPTION_JOB = 'grassroots.reception.move';
const questionNotFound = () => notFound('grassroots.reception_question', '会客室问题不存在');

async function studioOf(db: Db, committeeId: number, id: number) {
  const s = await queryOne<{ id: number; name: string; leader: number | null }>(
    db,
    sql`select id, name, leader_member_id as leader from grassroots_studios where committee_id = ${committeeId} and id = ${id}`,
  );
  if (!s) throw studioNotFound();
  return s;
}

async function isStudioMember(db: Db, committeeId: number, studioId: number, memberId: number | null) {
  if (!memberId) return false;
  const row = await queryOne(
    db,
    sql`select 1 from grassroots_studios s where s.committee_id = ${committeeId} and s.id = ${studioId}
      and (s.leader_member_id = ${memberId} or exists (select 1 from grassroots_studio_members m
        where m.committee_id = s.committee_id and m.studio_id = s.id and m.member_id = ${memberId}))`,
  );
  return !!row;
}

/** The first day on or after `day` someone is on duty at the studio. */
async function dutyFrom(db: Db, committeeId: number, studioId: number, day: string) {
  return queryOne<{ day: string; member_id: number }>(
    db,
    sql`select duty_on::text as day, member_id from grassroots_reception_duties
      where committee_id = ${committeeId} and studio_id = ${studioId} and duty_on >= ${day} order by duty_on limit 1`,
  );
}

async function tellMember(tx: Db, committeeId: number, memberId: number, title: string, body: string) {
  const accounts = await query<{ id: number }>(
    tx,
    sql`select id from accounts where committee_id = ${committeeId} and member_id = ${memberId} and not disabled`,
  );
  await notify(tx, {
    committeeId,
    accountIds: accounts.map((a) => a.id),
    kind: 'grassroots.reception',
    title,
    body,
    link: '/grassroots/reception',
  });
}

const moveJob = (tx: Db, committeeId: number, id: number, day: string) =>
  scheduleJob(tx, {
    committeeId,
    kind: RECEPTION_JOB,
    runAt: startOfBeijingDay(addDays(day, 1)),
    payload: { questionId: id },
    dedupeKey: `reception:${id}`,
  });

export async function rota(db: Db, actor: Actor, studioId: number, from: string, to: string) {
  await studioOf(db, actor.committeeId, studioId);
  return {
    items: await query<{ date: string; memberId: number; memberName: string }>(
      db,
      sql`select d.duty_on::text as date, d.member_id as "memberId", m.name as "memberName"
        from grassroots_reception_duties d join ${memberDirectory} m on m.committee_id = d.committee_id and m.id = d.member_id
        where d.committee_id = ${actor.committeeId} and d.studio_id = ${studioId} and d.duty_on between ${from} and ${to}
        order by d.duty_on limit 400`,
    ),
  };
}

/** Staff or the studio's leader set who is on duty (null clears a day); unanswered questions of a day follow its member. */
export async function setRota(tx: Db, actor: Actor, studioId: number, b: RotaInput) {
  const studio = await studioOf(tx, actor.committeeId, studioId);
  if (!isStaff(actor) && !isStudioLeader(actor, studio)) throw forbidden();
  for (const e of b.entries) {
    if (e.memberId === null) {
      await tx.execute(sql`delete from grassroots_reception_duties
        where committee_id = ${actor.committeeId} and studio_id = ${studioId} and duty_on = ${e.date}`);
      continue;
    }
    if (!(await isStudioMember(tx, actor.committeeId, studioId, e.memberId)))
      throw badRequest('grassroots.rota_member', '值班委员须是本工作室的委员', 'entries');
    await tx.execute(sql`insert into grassroots_reception_duties (committee_id, studio_id, duty_on, member_id)
      values (${actor.committeeId}, ${studioId}, ${e.date}, ${e.memberId})
      on conflict (committee_id, studio_id, duty_on) do update set member_id = excluded.member_id`);
    await tx.execute(sql`update grassroots_reception_questions set member_id = ${e.memberId}
      where committee_id = ${actor.committeeId} and studio_id = ${studioId} and duty_on = ${e.date} and answered_at is null`);
  }
  // Questions asked while nobody was on the rota go to the first member on duty from today.
  const first = await dutyFrom(tx, actor.committeeId, studioId, beijingToday());
  if (first) {
    const waiting = await query<{ id: number }>(
      tx,
      sql`update grassroots_reception_questions set member_id = ${first.member_id}, duty_on = ${first.day}
        where committee_id = ${actor.committeeId} and studio_id = ${studioId} and member_id is null and answered_at is null
        returning id`,
    );
    for (const q of waiting) await moveJob(tx, actor.committeeId, q.id, first.day);
  }
  await writeAudit(tx, actor, { action: 'grassroots.reception.rota', entity: 'studio', entityId: studioId, after: b });
}

/** A citizen's question (after the one-time code): to today's member on duty, or the next one. */
export async function askQuestion(tx: Db, actor: Actor, studioId: number, citizenId: number, question: string) {
  const s = await grassrootsSettings(tx, actor.committeeId);
  const today = beijingToday();
  const asked = await queryOne<{ n: number }>(
    tx,
    sql`select count(*)::int as n from grassroots_reception_questions where committee_id = ${actor.committeeId}
      and citizen_id = ${citizenId} and created_at >= ${startOfBeijingDay(today).toISOString()}`,
  );
  if ((asked?.n ?? 0) >= s.submissionsPerPhonePerDay) throw tooMany('今日提交次数已达上限，请明天再试');
  const duty = await dutyFrom(tx, actor.committeeId, studioId, today);
  const day = duty?.day ?? today;
  const row = await queryOne<{ id: number }>(
    tx,
    sql`insert into grassroots_reception_questions (committee_id, studio_id, citizen_id, question, duty_on, member_id)
      values (${actor.committeeId}, ${studioId}, ${citizenId}, ${normaliseText(question)}, ${day}, ${duty?.member_id ?? null}) returning id`,
  );
  await writeAudit(tx, actor, { action: 'grassroots.reception.ask', entity: 'receptionQuestion', entityId: row!.id });
  if (duty) {
    await moveJob(tx, actor.committeeId, row!.id, day);
    if (day === today)
      await tellMember(tx, actor.committeeId, duty.member_id, '委员会客室有群众提问', question.slice(0, 50));
  }
  return row!;
}

/** The end of a question's day: still unanswered → the next member on duty, flagged; no one later → flagged only. */
registerJobHandler(RECEPTION_JOB, async (tx, job) => {
  const c = job.committee_id;
  const q = await queryOne<{
    id: number;
    studio_id: number;
    duty_on: string;
    question: string;
    answered_at: Date | null;
  }>(
    tx,
    sql`select id, studio_id, duty_on::text, question, answered_at from grassroots_reception_questions
      where committee_id = ${c} and id = ${job.payload.questionId} for update`,
  );
  if (!q || q.answered_at) return;
  const from = [addDays(q.duty_on, 1), beijingToday()].sort().at(-1)!;
  const next = await dutyFrom(tx, c, q.studio_id, from);
  if (!next) {
    await tx.execute(
      sql`update grassroots_reception_questions set flagged = true where committee_id = ${c} and id = ${q.id}`,
    );
    return;
  }
  await tx.execute(sql`update grassroots_reception_questions set member_id = ${next.member_id}, duty_on = ${next.day},
      moved = moved + 1, flagged = true where committee_id = ${c} and id = ${q.id}`);
  await moveJob(tx, c, q.id, next.day);
  await tellMember(tx, c, next.member_id, '转来一条未答复的会客室问题', q.question.slice(0, 50));
});

/** A row of SELECT (the question's own columns that the pages show, with its studio's and member's names). */
interface QuestionRow {
  id: number;
  studio_name: string;
  question: string;
  duty_on: string;
  flagged: boolean;
  /** How many times the question passed to the next member on duty (integer column, 0 at first). */
  moved: number;
  member_name: string | null;
  answer: string | null;
  answered_at: string | Date | null;
  show_public: boolean;
}

const questionShape = (r: QuestionRow) => ({
  id: r.id,
  studioName: r.studio_name,
  question: r.question,
  dutyOn: r.duty_on,
  flagged: r.flagged,
  moved: r.moved,
  memberName: r.member_name ?? null,
  answer: r.answer ?? null,
  answeredAt: iso(r.answered_at),
  showPublic: r.show_public,
});
const SELECT = sql`select q.*, q.duty_on::text as duty_on, s.name as studio_name, m.name as member_name
  from grassroots_reception_questions q join grassroots_studios s on s.committee_id = q.committee_id and s.id = q.studio_id
  left join ${memberDirectory} m on m.committee_id = q.committee_id and m.id = q.member_id`;

/** 今日值班 of the signed-in member: today's duties, the questions waiting for them (flagged first), recent answers. */
export async function myReception(db: Db, actor: Actor) {
  const today = beijingToday();
  const me = actor.memberId ?? 0;
  const duties = await query<{ studioName: string; date: string }>(
    db,
    sql`select s.name as "studioName", d.duty_on::text as date from grassroots_reception_duties d
      join grassroots_studios s on s.committee_id = d.committee_id and s.id = d.studio_id
      where d.committee_id = ${actor.committeeId} and d.member_id = ${me} and d.duty_on >= ${today} order by d.duty_on limit 10`,
  );
  const open = await query<QuestionRow>(
    db,
    sql`${SELECT} where q.committee_id = ${actor.committeeId} and q.member_id = ${me} and q.answered_at is null
      order by q.flagged desc, q.duty_on, q.id limit 100`,
  );
  const answered = await query<QuestionRow>(
    db,
    sql`${SELECT} where q.committee_id = ${actor.committeeId} and q.answered_by = ${me} order by q.answered_at desc limit 20`,
  );
  return {
    today,
    onDutyToday: duties.filter((d) => d.date === today).map((d) => d.studioName),
    upcoming: duties,
    open: open.map(questionShape),
    answered: answered.map(questionShape),
  };
}

/** Staff and the studio's members see its questions, unanswered and flagged first. */
export async function studioQuestions(db: Db, actor: Actor, studioId: number) {
  await studioOf(db, actor.committeeId, studioId);
  if (!isStaff(actor) && !(await isStudioMember(db, actor.committeeId, studioId, actor.memberId))) throw forbidden();
  const rows = await query<QuestionRow>(
    db,
    sql`${SELECT} where q.committee_id = ${actor.committeeId} and q.studio_id = ${studioId}
      order by (q.answered_at is null) desc, q.flagged desc, q.id desc limit 200`,
  );
  return { items: rows.map(questionShape), total: rows.length };
}

/** The member the question is with answers it (once); the public sees it only if they allow. */
export async function answerQuestion(tx: Db, actor: Actor, id: number, b: AnswerInput) {
  const q = await queryOne<{ member_id: number | null; answered_at: Date | null }>(
    tx,
    sql`select member_id, answered_at from grassroots_reception_questions where committee_id = ${actor.committeeId} and id = ${id} for update`,
  );
  if (!q || !actor.memberId || q.member_id !== actor.memberId) throw questionNotFound();
  if (q.answered_at) throw conflict('grassroots.reception_answered', '该问题已答复');
  const answer = normaliseText(b.answer);
  await tx.execute(sql`update grassroots_reception_questions set answer = ${answer}, answered_by = ${actor.memberId},
      answered_at = now(), show_public = ${b.showPublic} where committee_id = ${actor.committeeId} and id = ${id}`);
  await cancelJobs(tx, actor.committeeId, `reception:${id}`);
  await writeAudit(tx, actor, {
    action: 'grassroots.reception.answer',
    entity: 'receptionQuestion',
    entityId: id,
    after: { answer, showPublic: b.showPublic },
  });
}

/** The studio's public page: who is on duty today and the answers members allowed to show (no citizen data). */
export async function publicReception(db: Db, committeeId: number, studioId: number) {
  const today = beijingToday();
  const duty = await queryOne<{ name: string }>(
    db,
    sql`select m.name from grassroots_reception_duties d join ${memberDirectory} m on m.committee_id = d.committee_id and m.id = d.member_id
      where d.committee_id = ${committeeId} and d.studio_id = ${studioId} and d.duty_on = ${today}`,
  );
  const answers = await query<{ question: string; answer: string; memberName: string; answeredOn: string }>(
    db,
    sql`select q.question, q.answer, m.name as "memberName", to_char(q.answered_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "answeredOn"
      from grassroots_reception_questions q join ${memberDirectory} m on m.committee_id = q.committee_id and m.id = q.answered_by
      where q.committee_id = ${committeeId} and q.studio_id = ${studioId} and q.answered_at is not null and q.show_public
      order by q.answered_at desc limit 30`,
  );
  return { onDutyToday: duty?.name ?? null, answers };
}

/** The member's to-do: questions to them not answered yet (none for an account that is not a member's). */
export async function receptionTodos(db: Db, actor: Actor) {
  if (!actor.memberId) return [];
  return countedTodos(
    db,
    sql`select count(*)::int as "receptionOpen" from grassroots_reception_questions
      where committee_id = ${actor.committeeId} and member_id = ${actor.memberId} and answered_at is null`,
    [['receptionOpen', '待答复的委员会客室问题', '/grassroots/reception']],
  );
}
