// Fixtures of the invited-citizen tests (discussion-guests, discussion-guest-comments): each test opens a discussion of
// its own, invites to it and signs its citizens in, so it counts only its own votes, uses, sign-ins and audit rows.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { type Client, okBody } from '../../test/harness.ts';
import { guestVisitor, signInGuest, type Visitor } from './discussion-guest-helpers.ts';

/** The body of POST /api/discussions (topic, dates, audience, anonymity), as each test file builds it. */
export type DiscussionBody = Record<string, unknown>;

/**
 * Staff (`office`) open discussion `body`; with `statement`, `member` writes it there. Returns the discussion id and
 * the statement id (0 without one). Throws (okBody) if a request is refused.
 */
export async function openDiscussion(
  office: Client,
  body: DiscussionBody,
  statement?: { member: Client; body: string },
): Promise<{ id: number; sid: number }> {
  const id = okBody(await office.post('/api/discussions', body)).id;
  if (!statement) return { id, sid: 0 };
  const sid = okBody(await statement.member.post(`/api/discussions/${id}/statements`, { body: statement.body })).id;
  return { id, sid };
}

/** Staff invite to discussion `id` for 7 days and `maxUses` citizens: the invitation id and its link token. */
export async function invite(office: Client, id: number, maxUses: number): Promise<{ id: number; token: string }> {
  const inv = okBody(await office.post(`/api/discussions/${id}/invitations`, { days: 7, maxUses }));
  return { id: inv.id, token: inv.token };
}

/**
 * A visitor from `ip` signed in on link `token` with `phone`, its code read from `sent` (the test's SMS sender);
 * the sign-in is expected to answer 200. `app` is read at each call.
 */
export async function signedInGuest(
  app: () => FastifyInstance,
  sent: { phone: string; text: string }[],
  ip: string,
  phone: string,
  token: string,
): Promise<Visitor> {
  const v = guestVisitor(app, ip);
  expect((await signInGuest(v, sent, phone, token)).status).toBe(200);
  return v;
}
