// Routes of the reception rota (委员会客室): staff or the studio's leader set the rota; the member on duty reads 今日值班
// and answers; the public asks a question on the studio's page with a one-time code (the code comes from the studio's
// existing /code route).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { registerActionLabels } from '../../platform/audit/labels.ts';
import { actorOf } from '../../platform/auth/session.ts';
import { okInTransaction } from '../../platform/http/handlers.ts';
import { guarded } from '../../platform/route-kit.ts';
import { ErrorBody, IdParams, Ok } from '../../platform/routes.ts';
import { registerTodos } from '../../platform/todos.ts';
import { citizenActor, placeByToken, verifyCode } from './public-service.ts';
import {
  answerQuestion,
  askQuestion,
  myReception,
  receptionTodos,
  rota,
  setRota,
  studioQuestions,
} from './reception.ts';
import { AnswerBody, QuestionBody, RotaBody, RotaQuery } from './reception-schemas.ts';
import { PublicToken } from './schemas.ts';

const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const Any = Type.Any();

registerActionLabels({
  'grassroots.reception.rota': '委员会客室·安排值班',
  'grassroots.reception.ask': '委员会客室·群众提问',
  'grassroots.reception.answer': '委员会客室·委员答复',
});

registerTodos('grassroots.reception', receptionTodos);

export async function receptionRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['grassroots'];
  const guard = guarded(tags);

  r.get(
    '/api/grassroots/studios/:id/rota',
    guard('grassroots.read', { params: IdParams, querystring: RotaQuery, response: { 200: Any, ...Errors } }),
    async (req) => rota(db, actorOf(req), req.params.id, req.query.from, req.query.to),
  );
  r.put(
    '/api/grassroots/studios/:id/rota',
    guard('grassroots.read', { params: IdParams, body: RotaBody, response: { 200: Ok, ...Errors } }),
    okInTransaction(db, (tx, actor, req) => setRota(tx, actor, req.params.id, req.body)),
  );
  r.get(
    '/api/grassroots/studios/:id/reception-questions',
    guard('grassroots.read', { params: IdParams, response: { 200: Any, ...Errors } }),
    async (req) => studioQuestions(db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/grassroots/reception/mine',
    guard('grassroots.reception', { response: { 200: Any, ...Errors } }),
    async (req) => myReception(db, actorOf(req)),
  );
  r.post(
    '/api/grassroots/reception/questions/:id/answer',
    guard('grassroots.reception', { params: IdParams, body: AnswerBody, response: { 200: Ok, ...Errors } }),
    okInTransaction(db, (tx, actor, req) => answerQuestion(tx, actor, req.params.id, req.body)),
  );
  r.post(
    '/api/public/reception/:token/questions',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        params: PublicToken,
        body: QuestionBody,
        response: { 200: Type.Object({ ok: Type.Boolean() }), ...Errors },
      },
    },
    async (req) => {
      const place = await placeByToken(db, 'studio', req.params.token);
      const citizenId = await verifyCode(db, place.committeeId, req.body.phone, req.body.code);
      const actor = citizenActor(place.committeeId, req.body.phone, req.ip);
      await db.transaction((tx) => askQuestion(tx, actor, place.id, citizenId, req.body.question));
      return { ok: true };
    },
  );
}
