// Who is acting: built from the session on every request (never from the request body) and passed to services.
import type { Role } from './auth/permissions.ts';

export interface Actor {
  committeeId: number;
  accountId: number | null;
  name: string;
  roles: Role[];
  memberId: number | null;
  unitId: number | null;
  orgId: number | null;
  informantId: number | null;
  ip?: string;
  userAgent?: string;
}

/** The actor for work the platform does by itself (scheduler, seeding, imports from the command line). */
export function systemActor(committeeId: number, name = '系统'): Actor {
  return {
    committeeId,
    accountId: null,
    name,
    roles: ['sysAdmin'],
    memberId: null,
    unitId: null,
    orgId: null,
    informantId: null,
  };
}
