// Anonymous routes of the public site: read a room's or studio's page and a resident's own topic by token; ask for a
// one-time code and, with it, raise a topic (码上议) or send a micro suggestion. Each route has a strict schema and a
// per-address limit on top of the stored per-phone and per-address limits of the codes.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { ErrorBody } from '../../platform/routes.ts';
import {
  citizenActor,
  placeByToken,
  publicRoom,
  publicStudio,
  publicTopic,
  sendCode,
  verifyCode,
} from './public-service.ts';
import { CodeRequestBody, PublicToken, PublicTopicBody } from './schemas.ts';
import { submitSuggestion } from './studio-service.ts';
import { raiseResidentTopic } from './topic-service.ts';

const Errors = { 400: ErrorBody, 404: ErrorBody, 429: ErrorBody };
const Any = Type.Any();
const READ_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };
const WRITE_LIMIT = { rateLimit: { max: 10, timeWindow: '1 minute' } };
const Kind = Type.Object({
  kind: Type.Unsafe<'rooms' | 'studios'>({ type: 'string', enum: ['rooms', 'studios'], title: '类型' }),
  token: PublicToken.properties.token,
});

export async function publicRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['public'];
  const one = (kind: 'rooms' | 'studios') => (kind === 'rooms' ? 'room' : 'studio');

  r.get(
    '/api/public/:kind/:token',
    { config: READ_LIMIT, schema: { tags, params: Kind, response: { 200: Any, ...Errors } } },
    async (req) => {
      const place = await placeByToken(db, one(req.params.kind), req.params.token);
      return place.kind === 'room' ? publicRoom(db, place) : publicStudio(db, place);
    },
  );
  r.get(
    '/api/public/topics/:token',
    { config: READ_LIMIT, schema: { tags, params: PublicToken, response: { 200: Any, ...Errors } } },
    async (req) => publicTopic(db, req.params.token),
  );
  r.post(
    '/api/public/:kind/:token/code',
    {
      config: WRITE_LIMIT,
      schema: {
        tags,
        params: Kind,
        body: CodeRequestBody,
        response: { 200: Type.Object({ ok: Type.Boolean(), minutes: Type.Integer() }), ...Errors },
      },
    },
    async (req) => {
      const place = await placeByToken(db, one(req.params.kind), req.params.token);
      return sendCode(db, place.committeeId, req.body.phone, req.ip, req.log);
    },
  );
  r.post(
    '/api/public/:kind/:token/submissions',
    {
      config: WRITE_LIMIT,
      schema: {
        tags,
        params: Kind,
        body: PublicTopicBody,
        response: {
          200: Type.Object({ ok: Type.Boolean(), topicToken: Type.Union([Type.String(), Type.Null()]) }),
          ...Errors,
        },
      },
    },
    async (req) => {
      const place = await placeByToken(db, one(req.params.kind), req.params.token);
      const { phone, code, title, body } = req.body;
      const citizenId = await verifyCode(db, place.committeeId, phone, code);
      const actor = citizenActor(place.committeeId, phone, req.ip);
      return db.transaction(async (tx) => {
        if (place.kind === 'room') {
          const t = await raiseResidentTopic(tx, actor, place.id, citizenId, { title, body });
          return { ok: true, topicToken: t.token };
        }
        await submitSuggestion(tx, actor, { studioId: place.id, title, body: body?.trim() || title }, citizenId);
        return { ok: true, topicToken: null };
      });
    },
  );
}
