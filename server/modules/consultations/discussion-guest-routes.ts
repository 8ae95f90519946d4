// Routes of invited citizens (受邀群众): staff make and list invitation links (with a QR code); on the public side the
// link's token shows the topic, sends the grassroots one-time code, signs the citizen in as a guest of that discussion
// (a cookie of its own), and then lets it read, write, comment and vote there, with per-guest write limits — through
// the same service functions as members (length, word filter, moderation, audit).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { clientKey } from '../../platform/rate-limit.ts';
import { ErrorBody, IdParams } from '../../platform/routes.ts';
import { issueCode, verifyCode } from '../grassroots/public-service.ts';
import { CodeRequestBody } from '../grassroots/schemas.ts';
import { smsSender } from '../grassroots/sms.ts';
import {
  admitGuest,
  createInvitation,
  GUEST_COOKIE,
  guestOf,
  invitationByToken,
  listInvitations,
  publicDiscussion,
  revokeInvitation,
} from './discussion-guests.ts';
import { CommentBody, StatementBody, VoteBody } from './discussion-schemas.ts';
import { listComments, listStatements, writeComment, writeStatement } from './discussion-statements.ts';
import { castVote, nextStatement } from './discussion-votes.ts';

const Errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 410: ErrorBody };
const Any = Type.Any();
const tags = ['discussions'];
const Token = Type.Object({ token: Type.String({ title: '邀请链接', pattern: '^[A-Za-z0-9_-]{16,64}$' }) });
const TokenSid = Type.Object({
  token: Token.properties.token,
  statementId: Type.Integer({ minimum: 1, maximum: 2147483647, title: '观点' }),
});
const InvitationParams = Type.Object({
  id: IdParams.properties.id,
  invitationId: Type.Integer({ minimum: 1, maximum: 2147483647, title: '邀请链接' }),
});
const InvitationBody = Type.Object(
  {
    days: Type.Integer({ minimum: 1, maximum: 90, title: '有效天数' }),
    maxUses: Type.Integer({ minimum: 1, maximum: 5000, title: '可用人数' }),
  },
  { additionalProperties: false },
);
const SignInBody = Type.Object(
  { phone: CodeRequestBody.properties.phone, code: Type.String({ title: '验证码', pattern: '^[0-9]{6}$' }) },
  { additionalProperties: false },
);
/** Limits per guest (its cookie), or per address before sign-in: a guest cannot flood a discussion. */
const perGuest = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: '1 minute',
    keyGenerator: (req: FastifyRequest) => req.cookies?.[GUEST_COOKIE] ?? clientKey(req),
  },
});
const READ = { rateLimit: { max: 120, timeWindow: '1 minute' } };
export const GUEST_LIMITS = { statements: 10, comments: 10, votes: 60, codes: 10 };

export async function discussionGuestRoutes(fastify: FastifyInstance, { db, config }: ModuleDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const MANAGE = requireAuth('discussion.manage');

  app.post(
    '/api/discussions/:id/invitations',
    { preHandler: MANAGE, schema: { tags, params: IdParams, body: InvitationBody, response: { 200: Any, ...Errors } } },
    async (req) => {
      const inv = await createInvitation(db, actorOf(req), req.params.id, req.body);
      const path = `/join/discussion/${inv.token}`;
      // The QR code holds the full address as this request reached the server (the address citizens can reach).
      const qrSvg = await QRCode.toString(`${req.protocol}://${req.host}${path}`, { type: 'svg', margin: 1 });
      return { ...inv, path, qrSvg };
    },
  );
  app.get(
    '/api/discussions/:id/invitations',
    { preHandler: MANAGE, schema: { tags, params: IdParams, response: { 200: Any, ...Errors } } },
    async (req) => listInvitations(db, actorOf(req), req.params.id),
  );

  app.post(
    '/api/discussions/:id/invitations/:invitationId/revoke',
    {
      preHandler: MANAGE,
      schema: { tags, params: InvitationParams, response: { 200: Type.Object({ ok: Type.Boolean() }), ...Errors } },
    },
    async (req) => revokeInvitation(db, actorOf(req), req.params.id, req.params.invitationId),
  );

  app.get(
    '/api/public/discussions/:token',
    { config: READ, schema: { tags, params: Token, response: { 200: Any, ...Errors } } },
    async (req) => {
      const inv = await invitationByToken(db, req.params.token);
      const signedIn = await guestOf(db, req, inv).then(
        () => true,
        () => false,
      );
      return { ...(await publicDiscussion(db, inv)), signedIn, full: inv.full };
    },
  );
  app.post(
    '/api/public/discussions/:token/code',
    {
      config: perGuest(GUEST_LIMITS.codes),
      schema: {
        tags,
        params: Token,
        body: CodeRequestBody,
        response: { 200: Type.Object({ ok: Type.Boolean(), minutes: Type.Integer() }), ...Errors },
      },
    },
    async (req) => {
      const inv = await invitationByToken(db, req.params.token);
      // The grassroots codes and their per-phone and per-address limits, unchanged.
      const { code, minutes } = await db.transaction((tx) => issueCode(tx, inv.committeeId, req.body.phone, req.ip));
      await smsSender(process.env, req.log).send(
        req.body.phone,
        `您的验证码是${code}，${minutes}分钟内有效，用于参加网络议政。如非本人操作请忽略。`,
      );
      return { ok: true, minutes };
    },
  );
  app.post(
    '/api/public/discussions/:token/sign-in',
    {
      config: perGuest(GUEST_LIMITS.codes),
      schema: {
        tags,
        params: Token,
        body: SignInBody,
        response: { 200: Type.Object({ ok: Type.Boolean() }), ...Errors },
      },
    },
    async (req, reply) => {
      const inv = await invitationByToken(db, req.params.token);
      const citizenId = await verifyCode(db, inv.committeeId, req.body.phone, req.body.code);
      const token = await admitGuest(db, inv, citizenId, req.body.phone, req.ip);
      // SameSite strict and a path of its own: the cookie is never sent cross-site nor to any other route.
      reply.setCookie(GUEST_COOKIE, token, {
        path: '/api/public/discussions',
        httpOnly: true,
        sameSite: 'strict',
        secure: config.secureCookies,
      });
      return { ok: true };
    },
  );

  app.get(
    '/api/public/discussions/:token/statements',
    { config: READ, schema: { tags, params: Token, response: { 200: Any, ...Errors } } },
    async (req) => {
      const inv = await invitationByToken(db, req.params.token);
      return { items: await listStatements(db, await guestOf(db, req, inv), inv.discussionId) };
    },
  );
  app.get(
    '/api/public/discussions/:token/next',
    { config: READ, schema: { tags, params: Token, response: { 200: Any, ...Errors } } },
    async (req) => {
      const inv = await invitationByToken(db, req.params.token);
      return nextStatement(db, await guestOf(db, req, inv), inv.discussionId);
    },
  );
  app.post(
    '/api/public/discussions/:token/statements',
    {
      config: perGuest(GUEST_LIMITS.statements),
      schema: { tags, params: Token, body: StatementBody, response: { 200: Any, ...Errors } },
    },
    async (req) => {
      const inv = await invitationByToken(db, req.params.token);
      return writeStatement(db, await guestOf(db, req, inv), inv.discussionId, req.body.body);
    },
  );
  app.get(
    '/api/public/discussions/:token/comments',
    { config: READ, schema: { tags, params: Token, response: { 200: Type.Object({ items: Any }), ...Errors } } },
    async (req) => {
      const inv = await invitationByToken(db, req.params.token);
      return { items: await listComments(db, await guestOf(db, req, inv), inv.discussionId) };
    },
  );
  app.post(
    '/api/public/discussions/:token/comments',
    {
      config: perGuest(GUEST_LIMITS.comments),
      schema: {
        tags,
        params: Token,
        body: CommentBody,
        response: { 200: Type.Object({ id: Type.Integer(), state: Type.String() }), ...Errors },
      },
    },
    async (req) => {
      const inv = await invitationByToken(db, req.params.token);
      return writeComment(db, await guestOf(db, req, inv), inv.discussionId, req.body);
    },
  );
  app.put(
    '/api/public/discussions/:token/statements/:statementId/vote',
    {
      config: perGuest(GUEST_LIMITS.votes),
      schema: {
        tags,
        params: TokenSid,
        body: VoteBody,
        response: { 200: Type.Object({ changed: Type.Boolean() }), ...Errors },
      },
    },
    async (req) => {
      const inv = await invitationByToken(db, req.params.token);
      const actor = await guestOf(db, req, inv);
      return castVote(db, actor, inv.discussionId, req.params.statementId, req.body.vote);
    },
  );
}
