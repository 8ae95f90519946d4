// Studio and micro-suggestion routes for signed-in users: the studio register (staff manage, members read), suggestions
// submitted by members and staff, handled by studio members, room conveners or staff, and answered by units.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf } from '../../platform/auth/session.ts';
import { okInTransaction } from '../../platform/http/handlers.ts';
import { guarded } from '../../platform/route-kit.ts';
import { ErrorBody, IdParams, Ok, page } from '../../platform/routes.ts';
import {
  FeedbackBody,
  StudioBody,
  StudioQuery,
  SuggestionActionBody,
  SuggestionBody,
  SuggestionQuery,
} from './schemas.ts';
import {
  actOnSuggestion,
  getStudio,
  listStudios,
  listSuggestions,
  respondToSuggestion,
  saveStudio,
  submitSuggestion,
} from './studio-service.ts';

const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Any = Type.Any();
const Created = Type.Object({ id: Type.Integer() });
const List = Type.Object({ items: Type.Array(Any), total: Type.Integer() });

export async function studioRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const guard = guarded(['grassroots']);
  const origin = (req: { protocol: string; host: string }) => `${req.protocol}://${req.host}`;

  r.get(
    '/api/grassroots/studios',
    guard('grassroots.read', { querystring: StudioQuery, response: { 200: List, ...Errors } }),
    async (req) => listStudios(db, actorOf(req), req.query, ...(Object.values(page(req.query)) as [number, number])),
  );
  r.post(
    '/api/grassroots/studios',
    guard('grassroots.manage', { body: StudioBody, response: { 200: Created, ...Errors } }),
    async (req) => db.transaction((tx) => saveStudio(tx, actorOf(req), null, req.body)),
  );
  r.get(
    '/api/grassroots/studios/:id',
    guard('grassroots.read', { params: IdParams, response: { 200: Any, ...Errors } }),
    async (req) => getStudio(db, actorOf(req), req.params.id, origin(req)),
  );
  r.put(
    '/api/grassroots/studios/:id',
    guard('grassroots.manage', { params: IdParams, body: StudioBody, response: { 200: Ok, ...Errors } }),
    okInTransaction(db, (tx, actor, req) => saveStudio(tx, actor, req.params.id, req.body)),
  );
  r.get(
    '/api/grassroots/suggestions',
    guard(undefined, { querystring: SuggestionQuery, response: { 200: List, ...Errors } }),
    async (req) =>
      listSuggestions(db, actorOf(req), req.query, ...(Object.values(page(req.query)) as [number, number])),
  );
  r.post(
    '/api/grassroots/suggestions',
    guard('grassroots.read', { body: SuggestionBody, response: { 200: Created, ...Errors } }),
    async (req) => db.transaction((tx) => submitSuggestion(tx, actorOf(req), req.body)),
  );
  r.post(
    '/api/grassroots/suggestions/:id/actions',
    guard('grassroots.read', { params: IdParams, body: SuggestionActionBody, response: { 200: Any, ...Errors } }),
    async (req) => db.transaction((tx) => actOnSuggestion(tx, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/grassroots/suggestions/:id/response',
    guard('grassroots.feedback', { params: IdParams, body: FeedbackBody, response: { 200: Ok, ...Errors } }),
    okInTransaction(db, (tx, actor, req) => respondToSuggestion(tx, actor, req.params.id, req.body.feedback)),
  );
}
