// Grassroots routes for signed-in users: the room register (staff manage; members read), topics and their answers,
// room consultations on the consultation events, agreed items and units' feedback, studios and micro suggestions.
// The anonymous public side is in public-routes.ts, registered from here.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { namesFromTable, registerEntityNames } from '../../platform/audit/names.ts';
import { actorOf } from '../../platform/auth/session.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { sendDownload, XLSX_MIME } from '../../platform/download.ts';
import { okInTransaction } from '../../platform/http/handlers.ts';
import { guarded } from '../../platform/route-kit.ts';
import { ErrorBody, IdParams, Ok, page } from '../../platform/routes.ts';
import { putSetting } from '../../platform/settings/settings.ts';
import { Enum } from '../meetings/schema.ts';
import { hotlineRoutes } from './hotline-routes.ts';
import { publicRoutes } from './public-routes.ts';
import { receptionRoutes } from './reception-routes.ts';
import { createRoom, exportRooms, getRoom, listRooms, updateRoom } from './room-service.ts';
import {
  AgreedItemBody,
  FeedbackBody,
  RoomBody,
  RoomQuery,
  SessionBody,
  SettingsBody,
  TopicAnswerBody,
  TopicBody,
  TopicQuery,
} from './schemas.ts';
import { photoRoutes } from './session-photos.ts';
import {
  addAgreedItem,
  createSession,
  feedBack,
  getSession,
  listItems,
  listSessions,
  publishResults,
  resolveItem,
} from './session-service.ts';
import { GRASSROOTS_SETTINGS_KEY, grassrootsSettings } from './settings.ts';
import { studioRoutes } from './studio-routes.ts';
import { answerTopic, listTopics, raiseTopic } from './topic-service.ts';

export const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Any = Type.Any();
const Created = Type.Object({ id: Type.Integer() });
const List = Type.Object({ items: Type.Array(Any), total: Type.Integer() });
export const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export async function grassrootsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const guard = guarded(['grassroots']);
  registerEntityNames('grassroots_room', namesFromTable('grassroots_rooms', 't.name'));
  registerEntityNames('grassroots_topic', namesFromTable('grassroots_topics', 't.title'));
  registerEntityNames('grassroots_studio', namesFromTable('grassroots_studios', 't.name'));

  // The committee's numbers (deadlines, code and rate limits), from this year on.
  r.get(
    '/api/grassroots/settings',
    guard('grassroots.manage', { response: { 200: SettingsBody, ...Errors } }),
    async (req) => grassrootsSettings(db, actorOf(req).committeeId),
  );
  r.put(
    '/api/grassroots/settings',
    guard('settings.manage', { body: SettingsBody, response: { 200: Ok, ...Errors } }),
    okInTransaction(db, (tx, actor, req) => putSetting(tx, actor, GRASSROOTS_SETTINGS_KEY, beijingYearOf(), req.body)),
  );
  r.get(
    '/api/grassroots/rooms',
    guard('grassroots.read', { querystring: RoomQuery, response: { 200: List, ...Errors } }),
    async (req) => listRooms(db, actorOf(req), req.query, ...(Object.values(page(req.query)) as [number, number])),
  );
  r.get('/api/grassroots/rooms/export', guard('grassroots.manage', { querystring: RoomQuery }), async (req, reply) =>
    sendDownload(reply, '协商议事室名册.xlsx', XLSX_MIME, await exportRooms(db, actorOf(req), req.query)),
  );
  r.post(
    '/api/grassroots/rooms',
    guard('grassroots.manage', { body: RoomBody, response: { 200: Created, ...Errors } }),
    async (req) => db.transaction((tx) => createRoom(tx, actorOf(req), req.body)),
  );
  r.get(
    '/api/grassroots/rooms/:id',
    guard('grassroots.read', { params: IdParams, response: { 200: Any, ...Errors } }),
    async (req) => getRoom(db, actorOf(req), req.params.id, origin(req)),
  );
  r.put(
    '/api/grassroots/rooms/:id',
    guard('grassroots.manage', { params: IdParams, body: RoomBody, response: { 200: Ok, ...Errors } }),
    okInTransaction(db, (tx, actor, req) => updateRoom(tx, actor, req.params.id, req.body)),
  );
  r.get(
    '/api/grassroots/rooms/:id/sessions',
    guard('grassroots.read', { params: IdParams, response: { 200: Type.Array(Any), ...Errors } }),
    async (req) => {
      await getRoom(db, actorOf(req), req.params.id, '');
      return listSessions(db, actorOf(req), req.params.id);
    },
  );
  r.post(
    '/api/grassroots/rooms/:id/topics',
    guard('grassroots.read', { params: IdParams, body: TopicBody, response: { 200: Created, ...Errors } }),
    async (req) => db.transaction((tx) => raiseTopic(tx, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/grassroots/topics',
    guard('grassroots.read', { querystring: TopicQuery, response: { 200: List, ...Errors } }),
    async (req) => listTopics(db, actorOf(req), req.query, ...(Object.values(page(req.query)) as [number, number])),
  );
  r.post(
    '/api/grassroots/topics/:id/answer',
    guard('grassroots.read', {
      params: IdParams,
      body: TopicAnswerBody,
      response: { 200: Type.Object({ state: Type.String() }), ...Errors },
    }),
    async (req) => db.transaction((tx) => answerTopic(tx, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/grassroots/rooms/:id/sessions',
    guard('grassroots.manage', {
      params: IdParams,
      body: SessionBody,
      response: { 200: Type.Object({ id: Type.Integer(), eventId: Type.Integer() }), ...Errors },
    }),
    async (req) => db.transaction((tx) => createSession(tx, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/grassroots/sessions/:id',
    guard('grassroots.read', { params: IdParams, response: { 200: Any, ...Errors } }),
    async (req) => getSession(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/grassroots/sessions/:id/items',
    guard('grassroots.manage', {
      params: IdParams,
      body: AgreedItemBody,
      response: { 200: Type.Object({ id: Type.Integer(), dueOn: Type.String() }), ...Errors },
    }),
    async (req) => db.transaction((tx) => addAgreedItem(tx, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/grassroots/sessions/:id/publish',
    guard('grassroots.manage', {
      params: IdParams,
      body: Type.Object({ published: Type.Boolean({ title: '是否公开' }) }),
      response: { 200: Ok, ...Errors },
    }),
    okInTransaction(db, (tx, actor, req) => publishResults(tx, actor, req.params.id, req.body.published)),
  );
  r.get(
    '/api/grassroots/items',
    guard(undefined, {
      querystring: Type.Object({ state: Type.Optional(Enum(['assigned', 'fedBack', 'resolved'], '状态')) }),
      response: { 200: Type.Array(Any), ...Errors },
    }),
    async (req) => listItems(db, actorOf(req), req.query.state),
  );
  r.post(
    '/api/grassroots/items/:id/feedback',
    guard('grassroots.feedback', { params: IdParams, body: FeedbackBody, response: { 200: Ok, ...Errors } }),
    okInTransaction(db, (tx, actor, req) => feedBack(tx, actor, req.params.id, req.body.feedback)),
  );
  r.post(
    '/api/grassroots/items/:id/resolve',
    guard('grassroots.manage', { params: IdParams, body: Type.Object({}), response: { 200: Ok, ...Errors } }),
    okInTransaction(db, (tx, actor, req) => resolveItem(tx, actor, req.params.id)),
  );
  await studioRoutes(app, deps);
  hotlineRoutes(app, deps);
  await publicRoutes(app, deps);
  await receptionRoutes(app, deps);
  await photoRoutes(app, deps);
}
