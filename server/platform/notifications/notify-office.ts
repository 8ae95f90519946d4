// Telling a committee's office: a member asked or handed in something staff must act on (a leave request, a report).

import type { Db } from '../db/client.ts';
import { type NewNotification, notify } from './notifications.ts';

/**
 * Notifies, in `tx` (so only once it commits), every enabled account of the committee holding the officeStaff role.
 * Usage: await notifyOffice(tx, actor.committeeId, { kind: 'meeting.leave_request', title, body: reason, link });
 */
export function notifyOffice(
  tx: Db,
  committeeId: number,
  message: Omit<NewNotification, 'committeeId' | 'accountIds'>,
): Promise<void> {
  return notify(tx, { committeeId, accountIds: { roles: ['officeStaff'] }, ...message });
}
