// In-app notifications (with live push over server-sent events) and e-mail when SMTP is configured.
import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db/client.ts';

export const notificationEvents = new EventEmitter();
notificationEvents.setMaxListeners(0);

let mailer: Transporter | null = null;
let mailFrom = '';

export function configureMail(smtpUrl: string | null, from: string): void {
  mailer = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  mailFrom = from;
}

export interface NewNotification {
  committeeId: number;
  accountIds: number[];
  kind: string;
  title: string;
  body?: string;
  link?: string;
}

export async function notify(tx: Db, n: NewNotification): Promise<void> {
  const ids = [...new Set(n.accountIds)];
  if (!ids.length) return;
  await tx.execute(sql`insert into notifications (committee_id, account_id, kind, title, body, link)
    select ${n.committeeId}, a, ${n.kind}, ${n.title}, ${n.body ?? null}, ${n.link ?? null} from unnest(${sql.param(ids)}::int[]) as a`);
  for (const id of ids) notificationEvents.emit(`${n.committeeId}:${id}`);
  if (mailer) {
    const rows = (await tx.execute(
      sql`select email from accounts where committee_id = ${n.committeeId} and id = any(${sql.param(ids)}::int[]) and email is not null`,
    )) as unknown as {
      rows: { email: string }[];
    };
    for (const r of rows.rows) {
      mailer.sendMail({ from: mailFrom, to: r.email, subject: n.title, text: `${n.body ?? ''}\n` }).catch(() => {});
    }
  }
}

/** Accounts of a committee holding any of the roles, to address notifications to an office. */
export async function accountsWithRoles(tx: Db, committeeId: number, roles: string[]): Promise<number[]> {
  const res = (await tx.execute(
    sql`select id from accounts where committee_id = ${committeeId} and roles && ${sql.param(roles)}::text[] and not disabled`,
  )) as unknown as { rows: { id: number }[] };
  return res.rows.map((r) => r.id);
}
