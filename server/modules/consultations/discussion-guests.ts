// Invited citizens (受邀群众) of an online discussion. Staff make an invitation (token, expiry, uses); a citizen opens it,
// confirms a phone number with the grassroots module's one-time code (its limits, its citizens), and gets a guest token
// (cookie, hash stored) bound to that one discussion. As an actor the guest has no account, no role and a negative
// participant id (−citizen id: never an account's), so it can take part in that discussion only and sees what an
// anonymous participant sees.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { AppError, unauthorized } from '../../platform/errors.ts';
import { maskPhone } from '../../platform/secrets/field-crypto.ts';
import { loadDiscussion } from './discussion-service.ts';
import { invitationNotFound } from './errors.ts';

export const GUEST_COOKIE = 'zx_discussion_guest';
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** A guest acting in its discussion: mayTakePart() lets it into `guestOf` and nowhere else. */
export type GuestActor = Actor & { guestOf: number };
export const isGuest = (actor: Actor): actor is GuestActor => 'guestOf' in actor;

export interface Invitation {
  committeeId: number;
  id: number;
  discussionId: number;
}

const expired = () => new AppError(410, 'discussion.invitation_expired', '邀请链接已失效，请联系工作人员');

export async function createInvitation(
  db: Db,
  actor: Actor,
  discussionId: number,
  b: { days: number; maxUses: number },
) {
  return db.transaction(async (tx) => {
    const d = await loadDiscussion(tx, actor, discussionId);
    const token = crypto.randomBytes(18).toString('base64url');
    // Never past the discussion's close: after it nobody can take part anyway.
    const row = await queryOne<{ id: number; expires_at: Date }>(
      tx,
      sql`insert into discussion_invitations (committee_id, discussion_id, token, expires_at, max_uses, created_by)
        values (${actor.committeeId}, ${d.id}, ${token}, least(now() + make_interval(days => ${b.days}), ${d.closes_at.toISOString()}::timestamptz),
          ${b.maxUses}, ${actor.accountId}) returning id, expires_at`,
    );
    await writeAudit(tx, actor, {
      action: 'discussion.invitation.create',
      entity: 'discussion',
      entityId: d.id,
      after: { invitationId: row!.id, days: b.days, maxUses: b.maxUses },
    });
    return { id: row!.id, token, expiresAt: new Date(row!.expires_at).toISOString(), maxUses: b.maxUses, uses: 0 };
  });
}

/** An invitation link as staff see it (GET /api/discussions/:id/invitations); `expiresAt` ISO 8601. */
export interface InvitationLink {
  id: number;
  token: string;
  expiresAt: string;
  maxUses: number;
  uses: number;
  revoked: boolean;
}

export async function listInvitations(db: Db, actor: Actor, discussionId: number) {
  const d = await loadDiscussion(db, actor, discussionId);
  const rows = await query<InvitationLink>(
    db,
    sql`select id, token, expires_at as "expiresAt", max_uses as "maxUses", uses, revoked from discussion_invitations
      where committee_id = ${actor.committeeId} and discussion_id = ${d.id} order by id desc`,
  );
  return rows.map((r) => ({ ...r, expiresAt: new Date(r.expiresAt).toISOString() }));
}

/** Staff withdraw a link: nobody new signs in with it and its guests lose the discussion's pages (audited). */
export async function revokeInvitation(db: Db, actor: Actor, discussionId: number, invitationId: number) {
  return db.transaction(async (tx) => {
    const d = await loadDiscussion(tx, actor, discussionId);
    const row = await queryOne<{ revoked: boolean }>(
      tx,
      sql`select revoked from discussion_invitations
        where committee_id = ${actor.committeeId} and discussion_id = ${d.id} and id = ${invitationId} for update`,
    );
    if (!row) throw invitationNotFound();
    if (!row.revoked) {
      await tx.execute(
        sql`update discussion_invitations set revoked = true where committee_id = ${actor.committeeId} and id = ${invitationId}`,
      );
      await writeAudit(tx, actor, {
        action: 'discussion.invitation.revoke',
        entity: 'discussion',
        entityId: d.id,
        before: { invitationId, revoked: false },
        after: { invitationId, revoked: true },
      });
    }
    return { ok: true };
  });
}

/** The invitation behind a link, if it may still be used (not revoked, not expired). */
export async function invitationByToken(db: Db, token: string): Promise<Invitation & { full: boolean }> {
  const r = await queryOne<Invitation & { full: boolean; dead: boolean }>(
    db,
    sql`select committee_id as "committeeId", id, discussion_id as "discussionId", uses >= max_uses as full,
        revoked or expires_at <= now() as dead
      from discussion_invitations where token = ${token}`,
  );
  if (!r) throw invitationNotFound();
  if (r.dead) throw expired();
  const { dead: _, ...inv } = r;
  return inv;
}

/** What the invitation page shows before sign-in: the topic and its materials, nothing about people. */
/** The topic card of the invitation page (times ISO 8601, the statement length limit in characters). */
export interface PublicDiscussion {
  topic: string;
  background: string;
  opensAt: string;
  closesAt: string;
  maxLength: number;
}

export async function publicDiscussion(db: Db, inv: Invitation): Promise<PublicDiscussion> {
  const d = (await queryOne<PublicDiscussion>(
    db,
    sql`select topic, background, opens_at as "opensAt", closes_at as "closesAt", max_length as "maxLength" from discussions where committee_id = ${inv.committeeId} and id = ${inv.discussionId}`,
  ))!;
  return { ...d, opensAt: new Date(d.opensAt).toISOString(), closesAt: new Date(d.closesAt).toISOString() };
}

/**
 * Makes the citizen (already verified by the one-time code) a guest of the invitation's discussion and returns the
 * cookie token. A citizen signing in again (another device, a lost cookie) gets a new token without using up the link.
 */
export async function admitGuest(db: Db, inv: Invitation, citizenId: number, phone: string, ip: string) {
  return db.transaction(async (tx) => {
    const token = crypto.randomBytes(24).toString('base64url');
    const known = await queryOne<{ id: number }>(
      tx,
      sql`select id from discussion_guests where committee_id = ${inv.committeeId} and discussion_id = ${inv.discussionId} and citizen_id = ${citizenId}`,
    );
    if (!known) {
      // The use is counted under a row lock, so parallel sign-ins cannot pass the limit.
      const used = await queryOne(
        tx,
        sql`update discussion_invitations set uses = uses + 1 where committee_id = ${inv.committeeId} and id = ${inv.id}
          and uses < max_uses and not revoked and expires_at > now() returning 1 as one`,
      );
      if (!used) throw expired();
    }
    await tx.execute(sql`insert into discussion_guests (committee_id, discussion_id, invitation_id, citizen_id, token_hash, expires_at)
      select ${inv.committeeId}, ${inv.discussionId}, ${inv.id}, ${citizenId}, ${sha256(token)}, closes_at + interval '7 days'
        from discussions where committee_id = ${inv.committeeId} and id = ${inv.discussionId}
      on conflict (committee_id, discussion_id, citizen_id) do update set token_hash = excluded.token_hash`);
    const actor = guestActor(inv, citizenId, ip, phone);
    await writeAudit(tx, actor, {
      action: 'discussion.guest.sign_in',
      entity: 'discussion',
      entityId: inv.discussionId,
      after: { invitationId: inv.id, citizenId },
    });
    return token;
  });
}

function guestActor(inv: Invitation, citizenId: number, ip: string, phone?: string): GuestActor {
  return {
    committeeId: inv.committeeId,
    accountId: -citizenId,
    name: phone ? `受邀群众（${maskPhone(phone)}）` : `受邀群众（${citizenId}号）`,
    roles: [],
    memberId: null,
    unitId: null,
    orgId: null,
    informantId: null,
    ip,
    guestOf: inv.discussionId,
  };
}

/** The guest behind the request's cookie, for the invitation's discussion only; otherwise "sign in first". */
export async function guestOf(db: Db, req: FastifyRequest, inv: Invitation): Promise<GuestActor> {
  const token = req.cookies[GUEST_COOKIE];
  if (!token) throw unauthorized('discussion.guest_required', '请先验证手机号');
  const g = await queryOne<{ citizen_id: number }>(
    db,
    sql`select citizen_id from discussion_guests where token_hash = ${sha256(token)} and committee_id = ${inv.committeeId}
      and discussion_id = ${inv.discussionId} and expires_at > now()`,
  );
  if (!g) throw unauthorized('discussion.guest_required', '请先验证手机号');
  return guestActor(inv, g.citizen_id, req.ip);
}
