// Anonymous routes of a committee's public site (/public/c/:code): the home, news, public proposals, and the proposal
// idea form (提案线索) with the same one-time code and limits as the grassroots forms. Reads and writes are limited per
// address on top of the stored per-phone and per-address limits of the codes.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { ErrorBody, page } from '../../platform/routes.ts';
import { citizenActor, sendCode, verifyCode } from '../grassroots/public-service.ts';
import { publicProposals } from '../proposals/public-list.ts';
import { committeeByCode, publicHome } from './home.ts';
import { submitIdea } from './ideas.ts';
import { publishedNews, publishedNewsItem } from './news.ts';
import { CommitteeItemParams, CommitteeParams, IdeaBody, PublicCodeBody, PublicPaging } from './schemas.ts';

const Errors = { 400: ErrorBody, 404: ErrorBody, 429: ErrorBody };
const Any = Type.Any();
const READ_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };
const WRITE_LIMIT = { rateLimit: { max: 10, timeWindow: '1 minute' } };

export async function publicSiteRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['public'];

  r.get(
    '/api/public/c/:code',
    { config: READ_LIMIT, schema: { tags, params: CommitteeParams, response: { 200: Any, ...Errors } } },
    async (req) => publicHome(db, req.params.code),
  );
  r.get(
    '/api/public/c/:code/news',
    {
      config: READ_LIMIT,
      schema: { tags, params: CommitteeParams, querystring: PublicPaging, response: { 200: Any, ...Errors } },
    },
    async (req) => {
      const c = await committeeByCode(db, req.params.code);
      const p = page(req.query);
      return publishedNews(db, c.id, p.limit, p.offset);
    },
  );
  r.get(
    '/api/public/c/:code/news/:id',
    { config: READ_LIMIT, schema: { tags, params: CommitteeItemParams, response: { 200: Any, ...Errors } } },
    async (req) => publishedNewsItem(db, (await committeeByCode(db, req.params.code)).id, req.params.id),
  );
  r.get(
    '/api/public/c/:code/proposals',
    {
      config: READ_LIMIT,
      schema: { tags, params: CommitteeParams, querystring: PublicPaging, response: { 200: Any, ...Errors } },
    },
    async (req) => {
      const c = await committeeByCode(db, req.params.code);
      const p = page(req.query);
      return publicProposals(db, c.id, p.limit, p.offset);
    },
  );
  r.post(
    '/api/public/c/:code/code',
    {
      config: WRITE_LIMIT,
      schema: {
        tags,
        params: CommitteeParams,
        body: PublicCodeBody,
        response: { 200: Type.Object({ ok: Type.Boolean(), minutes: Type.Integer() }), ...Errors },
      },
    },
    async (req) => {
      const c = await committeeByCode(db, req.params.code);
      return sendCode(db, c.id, req.body.phone, req.ip, req.log);
    },
  );
  r.post(
    '/api/public/c/:code/ideas',
    {
      config: WRITE_LIMIT,
      schema: {
        tags,
        params: CommitteeParams,
        body: IdeaBody,
        response: { 200: Type.Object({ ok: Type.Boolean() }), ...Errors },
      },
    },
    async (req) => {
      const c = await committeeByCode(db, req.params.code);
      const { phone, code, title, body } = req.body;
      const citizenId = await verifyCode(db, c.id, phone, code);
      const actor = citizenActor(c.id, phone, req.ip);
      await db.transaction((tx) => submitIdea(tx, actor, citizenId, { title, body }));
      return { ok: true };
    },
  );
}
