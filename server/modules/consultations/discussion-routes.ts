// Routes of online discussions (网络议政): staff open and moderate, participants write, comment and vote one statement at
// a time, everyone allowed reads the opinion map; a live stream of changes (server-sent events over the notification
// relay); the summary (意见汇总) edited, exported to Word and attached to an outcome.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { releaseDbSlot } from '../../platform/db/queue.ts';
import { DOCX_MIME, sendDownload } from '../../platform/download.ts';
import { okAsActor } from '../../platform/http/handlers.ts';
import { runDueJobs } from '../../platform/jobs/jobs.ts';
import { notificationEvents } from '../../platform/notifications/notifications.ts';
import { ErrorBody, IdParams, Ok, Paging, page } from '../../platform/routes.ts';
import { discussionGuestRoutes } from './discussion-guest-routes.ts';
import {
  AttachBody,
  CommentBody,
  CommentModerateBody,
  DiscussionBody,
  DiscussionSettings,
  ModerateBody,
  StatementBody,
  SummaryBody,
  VoteBody,
} from './discussion-schemas.ts';
import * as svc from './discussion-service.ts';
import * as st from './discussion-statements.ts';
import { attachSummary, readSummary, saveSummary, summaryDocx } from './discussion-summary.ts';
import { castVote, nextStatement, readMap, requestMap } from './discussion-votes.ts';

const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Any = Type.Any();
const Sub = (name: string) =>
  Type.Object({
    id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
    [name]: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  });
const Created = Type.Object({ id: Type.Integer(), state: Type.String() });
const tags = ['discussions'];
const MANAGE = requireAuth('discussion.manage');
const TAKE_PART = requireAuth('discussion.participate');

export async function discussionRoutes(fastify: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // Invited citizens' routes (invitation links, phone sign-in, their writes) live in their own file.
  await discussionGuestRoutes(fastify, deps);

  app.get(
    '/api/discussions/settings',
    { preHandler: MANAGE, schema: { tags, response: { 200: DiscussionSettings } } },
    async (req) => svc.discussionSettings(db, actorOf(req).committeeId),
  );
  app.put(
    '/api/discussions/settings',
    { preHandler: MANAGE, schema: { tags, body: DiscussionSettings, response: { 200: Ok, ...Errors } } },
    okAsActor((actor, req) => svc.saveDiscussionSettings(db, actor, req.body)),
  );

  app.get(
    '/api/discussions',
    {
      preHandler: TAKE_PART,
      schema: {
        tags,
        querystring: Type.Object(Paging),
        response: { 200: Type.Object({ items: Any, total: Type.Integer() }) },
      },
    },
    async (req) => {
      const { limit, offset } = page(req.query);
      return svc.listDiscussions(db, actorOf(req), limit, offset);
    },
  );
  app.post(
    '/api/discussions',
    {
      preHandler: MANAGE,
      schema: { tags, body: DiscussionBody, response: { 200: Type.Object({ id: Type.Integer() }), ...Errors } },
    },
    async (req) => ({ id: await svc.createDiscussion(db, actorOf(req), req.body) }),
  );
  app.get(
    '/api/discussions/:id',
    { preHandler: TAKE_PART, schema: { tags, params: IdParams, response: { 200: Any, ...Errors } } },
    async (req) => {
      const actor = actorOf(req);
      return svc.presentDiscussion(await svc.loadDiscussion(db, actor, req.params.id), actor);
    },
  );
  app.put(
    '/api/discussions/:id',
    { preHandler: MANAGE, schema: { tags, params: IdParams, body: DiscussionBody, response: { 200: Ok, ...Errors } } },
    okAsActor((actor, req) => svc.updateDiscussion(db, actor, req.params.id, req.body)),
  );

  app.get(
    '/api/discussions/:id/statements',
    {
      preHandler: TAKE_PART,
      schema: {
        tags,
        params: IdParams,
        querystring: Type.Object({
          state: Type.Optional(
            Type.Union(
              ['pending', 'shown', 'hidden', 'merged'].map((s) => Type.Literal(s)),
              { title: '状态' },
            ),
          ),
        }),
        response: { 200: Type.Object({ items: Any }), ...Errors },
      },
    },
    async (req) => ({ items: await st.listStatements(db, actorOf(req), req.params.id, req.query.state) }),
  );
  app.post(
    '/api/discussions/:id/statements',
    {
      preHandler: TAKE_PART,
      schema: { tags, params: IdParams, body: StatementBody, response: { 200: Created, ...Errors } },
    },
    async (req) => st.writeStatement(db, actorOf(req), req.params.id, req.body.body),
  );
  app.get(
    '/api/discussions/:id/next',
    { preHandler: TAKE_PART, schema: { tags, params: IdParams, response: { 200: Any, ...Errors } } },
    async (req) => nextStatement(db, actorOf(req), req.params.id),
  );
  app.put(
    '/api/discussions/:id/statements/:statementId/vote',
    {
      preHandler: TAKE_PART,
      schema: {
        tags,
        params: Sub('statementId'),
        body: VoteBody,
        response: { 200: Type.Object({ changed: Type.Boolean() }), ...Errors },
      },
    },
    async (req) => castVote(db, actorOf(req), req.params.id, req.params.statementId, req.body.vote as any),
  );
  app.post(
    '/api/discussions/:id/statements/:statementId/moderate',
    {
      preHandler: MANAGE,
      schema: { tags, params: Sub('statementId'), body: ModerateBody, response: { 200: Ok, ...Errors } },
    },
    okAsActor((actor, req) => st.moderateStatement(db, actor, req.params.id, req.params.statementId, req.body)),
  );
  app.get(
    '/api/discussions/:id/statements/:statementId/similar',
    {
      preHandler: MANAGE,
      schema: { tags, params: Sub('statementId'), response: { 200: Type.Object({ items: Any }), ...Errors } },
    },
    async (req) => ({ items: await st.similarStatements(db, actorOf(req), req.params.id, req.params.statementId) }),
  );

  app.get(
    '/api/discussions/:id/comments',
    {
      preHandler: TAKE_PART,
      schema: { tags, params: IdParams, response: { 200: Type.Object({ items: Any }), ...Errors } },
    },
    async (req) => ({ items: await st.listComments(db, actorOf(req), req.params.id) }),
  );
  app.post(
    '/api/discussions/:id/comments',
    {
      preHandler: TAKE_PART,
      schema: { tags, params: IdParams, body: CommentBody, response: { 200: Created, ...Errors } },
    },
    async (req) => st.writeComment(db, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/discussions/:id/comments/:commentId/moderate',
    {
      preHandler: MANAGE,
      schema: { tags, params: Sub('commentId'), body: CommentModerateBody, response: { 200: Ok, ...Errors } },
    },
    okAsActor((actor, req) => st.moderateComment(db, actor, req.params.id, req.params.commentId, req.body.action)),
  );

  app.get(
    '/api/discussions/:id/map',
    { preHandler: TAKE_PART, schema: { tags, params: IdParams, response: { 200: Any, ...Errors } } },
    async (req) => readMap(db, actorOf(req), req.params.id),
  );

  app.post(
    '/api/discussions/:id/map/refresh',
    { preHandler: MANAGE, schema: { tags, params: IdParams, response: { 200: Ok, ...Errors } } },
    async (req) => {
      await requestMap(db, actorOf(req), req.params.id);
      // A scheduler pass now instead of at its next tick; it runs after this reply, off the request.
      setImmediate(() => void runDueJobs(db, { limit: 5 }).catch((err) => req.log.error({ err }, '意见地图计算失败')));
      return { ok: true };
    },
  );
  app.get(
    '/api/discussions/:id/summary',
    { preHandler: MANAGE, schema: { tags, params: IdParams, response: { 200: Any, ...Errors } } },
    async (req) => readSummary(db, actorOf(req), req.params.id),
  );
  app.put(
    '/api/discussions/:id/summary',
    { preHandler: MANAGE, schema: { tags, params: IdParams, body: SummaryBody, response: { 200: Ok, ...Errors } } },
    okAsActor((actor, req) => saveSummary(db, actor, req.params.id, req.body.text)),
  );
  app.get(
    '/api/discussions/:id/summary.docx',
    { preHandler: MANAGE, schema: { tags, params: IdParams } },
    async (req, reply) => {
      const s = await readSummary(db, actorOf(req), req.params.id);
      return sendDownload(reply, `网络议政意见汇总-${s.topic}.docx`, DOCX_MIME, await summaryDocx(s.topic, s.text));
    },
  );
  app.post(
    '/api/discussions/:id/summary/attach',
    { preHandler: MANAGE, schema: { tags, params: IdParams, body: AttachBody, response: { 200: Ok, ...Errors } } },
    okAsActor((actor, req) => attachSummary(db, actor, req.params.id, req.body.outcomeId)),
  );

  app.get(
    '/api/discussions/:id/stream',
    { preHandler: TAKE_PART, schema: { tags, params: IdParams, summary: '网络议政实时推送 (server-sent events)' } },
    async (req, reply) => {
      const actor = actorOf(req);
      const d = await svc.loadDiscussion(db, actor, req.params.id);
      releaseDbSlot(req);
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      reply.raw.write('retry: 5000\n\n');
      // Changes are coalesced to one message a second: pages then re-read counts, not every single vote.
      let pending: NodeJS.Timeout | null = null;
      const push = () => {
        pending ??= setTimeout(() => {
          pending = null;
          reply.raw.write('event: changed\ndata: {}\n\n');
        }, 1000);
      };
      const ping = setInterval(() => reply.raw.write(': ping\n\n'), 25_000);
      const key = st.liveTopic(actor.committeeId, d.id);
      notificationEvents.on(key, push);
      req.raw.on('close', () => {
        clearInterval(ping);
        if (pending) clearTimeout(pending);
        notificationEvents.off(key, push);
      });
    },
  );
}
