// The administrator's working-day calendar: list a year's days that differ from Monday–Friday (national holidays,
// 调休 and the committee's overrides), set or clear an override. Audited like every other setting.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { writeAudit } from '../audit/audit.ts';
import { actorOf, requireAuth } from '../auth/session.ts';
import { type Db, query, queryOne } from '../db/client.ts';
import { badRequest } from '../errors.ts';
import { addDays, beijingYearOf, isDay, weekdayOf } from './beijing.ts';
import { isNationalWorkingDay, nationalDayName, PACKAGE_YEARS } from './working-days.ts';

const ErrorBody = Type.Object({ error: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) });
const Ok = Type.Object({ ok: Type.Boolean() });
const DayParams = Type.Object(
  { day: Type.String({ title: '日期', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) },
  { additionalProperties: false },
);
const tags = ['settings'];

const CalendarDay = Type.Object({
  day: Type.String(),
  weekday: Type.Integer({ description: '1 = 星期一 … 7 = 星期日' }),
  isWorkingDay: Type.Boolean(),
  nationalWorkingDay: Type.Boolean(),
  name: Type.String({ description: '节假日名称（如 春节、春节调休上班）' }),
  override: Type.Union([Type.Object({ isWorkingDay: Type.Boolean(), note: Type.String() }), Type.Null()]),
});

interface OverrideRow {
  day: string;
  isWorkingDay: boolean;
  note: string;
}

async function overridesOf(db: Db, committeeId: number, from: string, to: string): Promise<Map<string, OverrideRow>> {
  const rows = await query<OverrideRow>(
    db,
    sql`select to_char(day, 'YYYY-MM-DD') as "day", is_working_day as "isWorkingDay", note from working_calendar
      where committee_id = ${committeeId} and day >= ${from}::date and day <= ${to}::date order by day`,
  );
  return new Map(rows.map((r) => [r.day, r]));
}

function checkDay(day: string): void {
  if (!isDay(day)) throw badRequest('calendar.day_invalid', '「日期」不是有效的日期', 'day');
}

export async function workingCalendarRoutes(app: FastifyInstance, opts: { db: Db }) {
  const { db } = opts;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/settings/working-calendar',
    {
      preHandler: requireAuth('settings.manage'),
      schema: {
        tags,
        summary: '工作日历：某年的节假日、调休上班日和本会调整（周一至周五的普通工作日不列出）',
        querystring: Type.Object(
          { year: Type.Optional(Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            packageCovers: Type.Boolean({ description: '该年的国家节假日安排已内置' }),
            packageYears: Type.Object({ first: Type.Integer(), last: Type.Integer() }),
            items: Type.Array(CalendarDay),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const year = request.query.year ?? beijingYearOf();
      const first = `${year}-01-01`;
      const last = `${year}-12-31`;
      const overrides = await overridesOf(db, actor.committeeId, first, last);
      const items = [];
      for (let d = first; d <= last; d = addDays(d, 1)) {
        const national = isNationalWorkingDay(d);
        const name = nationalDayName(d);
        const override = overrides.get(d);
        // Ordinary weekdays and weekends are implied; list only what a person would look for on the calendar.
        if (!override && !name) continue;
        items.push({
          day: d,
          weekday: weekdayOf(d),
          isWorkingDay: override ? override.isWorkingDay : national,
          nationalWorkingDay: national,
          name,
          override: override ? { isWorkingDay: override.isWorkingDay, note: override.note } : null,
        });
      }
      return {
        year,
        packageCovers: year >= PACKAGE_YEARS.first && year <= PACKAGE_YEARS.last,
        packageYears: PACKAGE_YEARS,
        items,
      };
    },
  );

  r.put(
    '/api/settings/working-calendar/:day',
    {
      preHandler: requireAuth('settings.manage'),
      schema: {
        tags,
        summary: '设置某天为工作日或休息日（覆盖国家安排）',
        params: DayParams,
        body: Type.Object(
          {
            isWorkingDay: Type.Boolean({ title: '是否工作日' }),
            note: Type.Optional(Type.String({ title: '说明', maxLength: 100, default: '' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Ok, 400: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { day } = request.params;
      checkDay(day);
      const note = (request.body.note ?? '').trim();
      await db.transaction(async (tx) => {
        const before = (await overridesOf(tx, actor.committeeId, day, day)).get(day) ?? null;
        await tx.execute(sql`insert into working_calendar (committee_id, day, is_working_day, note)
          values (${actor.committeeId}, ${day}::date, ${request.body.isWorkingDay}, ${note})
          on conflict (committee_id, day) do update set is_working_day = excluded.is_working_day, note = excluded.note,
            updated_at = now()`);
        await writeAudit(tx, actor, {
          action: 'settings.working_day_set',
          entity: 'setting',
          entityId: `working_calendar:${day}`,
          before,
          after: { day, isWorkingDay: request.body.isWorkingDay, note },
        });
      });
      return { ok: true };
    },
  );

  r.delete(
    '/api/settings/working-calendar/:day',
    {
      preHandler: requireAuth('settings.manage'),
      schema: {
        tags,
        summary: '清除某天的调整（恢复国家安排）',
        params: DayParams,
        response: { 200: Ok, 400: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { day } = request.params;
      checkDay(day);
      await db.transaction(async (tx) => {
        const before = await queryOne<OverrideRow>(
          tx,
          sql`delete from working_calendar where committee_id = ${actor.committeeId} and day = ${day}::date
            returning to_char(day, 'YYYY-MM-DD') as "day", is_working_day as "isWorkingDay", note`,
        );
        if (!before) return;
        await writeAudit(tx, actor, {
          action: 'settings.working_day_clear',
          entity: 'setting',
          entityId: `working_calendar:${day}`,
          before,
          after: null,
        });
      });
      return { ok: true };
    },
  );
}
