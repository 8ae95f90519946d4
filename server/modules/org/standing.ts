// People who have left: a member whose status is 已退出 or 暂停履职 (and an informant who left or is suspended) may
// still sign in and read their record, but every change they would make in that capacity is refused in one place,
// before any handler runs — filing, co-signing, reports, sign-ups, leave, check-in, speeches, outputs, self-reports.
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { RouteInfo } from '../../app.ts';
import { type Action, can, type Role } from '../../platform/auth/permissions.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { forbidden } from '../../platform/errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Writes that change nothing of a member's work: signing out, the password, reading notices, similarity look-ups. */
const ALWAYS_ALLOWED = new Set([
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'POST /api/notifications/read',
  'POST /api/proposals/similar',
  'POST /api/opinions/similar',
]);

const MESSAGES: Record<string, string> = {
  exited: '您已退出政协委员（或信息员）名册，不能再办理此项履职事务；如有疑问请联系政协办公室',
  suspended: '您的履职已暂停，暂不能办理此项履职事务；如有疑问请联系政协办公室',
};

/**
 * preHandler for the whole app (after sign-in and permission): refuses a change made through the member (or
 * informant) role by someone whose record says they have left or are suspended. Another role of the same account
 * (staff, unit) still works when it alone grants the route's permission.
 */
export function refuseLeftPeople(db: Db, catalog: RouteInfo[]) {
  let permissions: Map<string, string | null | undefined> | null = null;
  return async (request: FastifyRequest) => {
    const actor = request.actor;
    if (!actor || SAFE_METHODS.has(request.method)) return;
    if (actor.memberId == null && actor.informantId == null) return;
    const key = `${request.method} ${request.routeOptions.url ?? ''}`;
    if (ALWAYS_ALLOWED.has(key)) return;
    permissions ??= new Map(catalog.map((r) => [`${r.method} ${r.url}`, r.permission]));
    const permission = permissions.get(key);
    if (!permission) return;
    // The session read the statuses with the actor (platform/auth/session.ts); an actor without one asks here.
    const row = request.session
      ? { member_status: request.session.memberStatus, informant_status: request.session.informantStatus }
      : await queryOne<{ member_status: string | null; informant_status: string | null }>(
          db,
          sql`select (select status from members where committee_id = ${actor.committeeId} and id = ${actor.memberId ?? 0}) as member_status,
        (select status from informants where committee_id = ${actor.committeeId} and id = ${actor.informantId ?? 0}) as informant_status`,
        );
    const gone = (s: string | null | undefined) => s === 'exited' || s === 'suspended';
    const lost: Role[] = [];
    if (gone(row?.member_status)) lost.push('member');
    if (gone(row?.informant_status)) lost.push('informant');
    if (!lost.length) return;
    const remaining = actor.roles.filter((r) => !lost.includes(r));
    if (can(remaining, permission as Action)) return;
    const status = gone(row?.member_status) ? row!.member_status! : row!.informant_status!;
    throw forbidden(`member.${status}`, MESSAGES[status]);
  };
}
