// Reading routes (书香政协): groups with their rota of sharing sessions, book lists and handouts, notes with likes and
// comments, the selected notes as Word, and the year's figures with the report sentence.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

/** Lists that take no parameters: anything in the query string is refused. */
const NoQuery = Type.Object({}, { additionalProperties: false });

import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { DOCX_MIME, sendDownload, XLSX_MIME } from '../../platform/download.ts';
import { ErrorBody, IdParams, Ok, page } from '../../platform/routes.ts';
import * as grp from './group-service.ts';
import { handoutsXlsx, listHandouts, recordHandouts } from './handout-service.ts';
import * as notes from './note-service.ts';
import {
  ActionBody,
  BookListInput,
  CommentInput,
  GroupInput,
  HandoutFilters,
  HandoutInput,
  NoteInput,
  SessionInput,
} from './schemas.ts';

const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Created = Type.Object({ id: Type.Integer() });
const YearQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100, title: '年度' }) });

export async function readingRoutes(fastify: FastifyInstance, { db }: ModuleDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/reading/groups',
    { preHandler: requireAuth('reading.read'), schema: { querystring: NoQuery } },
    async (req) => grp.listGroups(db, actorOf(req)),
  );
  app.post(
    '/api/reading/groups',
    { preHandler: requireAuth('reading.manage'), schema: { body: GroupInput, response: { 200: Created, ...Errors } } },
    async (req) => ({ id: await grp.createGroup(db, actorOf(req), req.body) }),
  );
  app.get(
    '/api/reading/groups/:id',
    { preHandler: requireAuth('reading.read'), schema: { params: IdParams } },
    async (req) => grp.getGroup(db, actorOf(req), req.params.id),
  );
  app.post(
    '/api/reading/groups/:id/sessions',
    {
      preHandler: requireAuth('reading.read'),
      schema: { params: IdParams, body: SessionInput, response: { 200: Created, ...Errors } },
    },
    async (req) => ({ id: await grp.scheduleSession(db, actorOf(req), req.params.id, req.body) }),
  );
  app.post(
    '/api/reading/sessions/:id/actions',
    {
      preHandler: requireAuth('reading.read'),
      schema: { params: IdParams, body: ActionBody, response: { 200: Ok, ...Errors } },
    },
    async (req) => {
      await grp.fireSessionAction(db, actorOf(req), req.params.id, req.body.action, req.body.comment);
      return { ok: true };
    },
  );
  app.get(
    '/api/reading/lists',
    {
      preHandler: requireAuth('reading.read'),
      schema: { querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }) },
    },
    async (req) => grp.listBookLists(db, actorOf(req), req.query.year),
  );
  app.post(
    '/api/reading/lists',
    {
      preHandler: requireAuth('reading.manage'),
      schema: { body: BookListInput, response: { 200: Created, ...Errors } },
    },
    async (req) => ({ id: await grp.createBookList(db, actorOf(req), req.body) }),
  );
  app.post(
    '/api/reading/handouts',
    {
      preHandler: requireAuth('reading.manage'),
      schema: { body: HandoutInput, response: { 200: Type.Object({ quantity: Type.Integer() }), ...Errors } },
    },
    async (req) => ({ quantity: await recordHandouts(db, actorOf(req), req.body) }),
  );
  // The hand-out record names members: staff's, like the rest of the reading desk.
  app.get(
    '/api/reading/handouts',
    { preHandler: requireAuth('reading.manage'), schema: { querystring: HandoutFilters } },
    async (req) => listHandouts(db, actorOf(req), { ...req.query, ...page(req.query) }),
  );
  app.get(
    '/api/reading/handouts/export',
    { preHandler: requireAuth('reading.manage'), schema: { querystring: HandoutFilters } },
    async (req, reply) =>
      sendDownload(
        reply,
        `图书发放记录${req.query.year ? `（${req.query.year}年）` : ''}.xlsx`,
        XLSX_MIME,
        await handoutsXlsx(db, actorOf(req), req.query),
      ),
  );
  app.get(
    '/api/reading/notes',
    {
      preHandler: requireAuth('reading.read'),
      schema: {
        querystring: Type.Object({
          groupId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
          sessionId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
          selected: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (req) => notes.listNotes(db, actorOf(req), req.query),
  );
  app.post(
    '/api/reading/groups/:id/notes',
    {
      preHandler: requireAuth('reading.take'),
      schema: { params: IdParams, body: NoteInput, response: { 200: Created, ...Errors } },
    },
    async (req) => ({ id: await notes.writeNote(db, actorOf(req), req.params.id, req.body) }),
  );
  app.post(
    '/api/reading/notes/:id/like',
    {
      preHandler: requireAuth('reading.read'),
      schema: { params: IdParams, response: { 200: Type.Object({ liked: Type.Boolean() }), ...Errors } },
    },
    async (req) => notes.toggleLike(db, actorOf(req), req.params.id),
  );
  app.post(
    '/api/reading/notes/:id/comments',
    {
      preHandler: requireAuth('reading.read'),
      schema: { params: IdParams, body: CommentInput, response: { 200: Created, ...Errors } },
    },
    async (req) => ({ id: await notes.commentOn(db, actorOf(req), req.params.id, req.body.body) }),
  );
  app.put(
    '/api/reading/notes/:id/selected',
    {
      preHandler: requireAuth('reading.manage'),
      schema: {
        params: IdParams,
        body: Type.Object({ selected: Type.Boolean({ title: '是否入选' }) }),
        response: { 200: Ok, ...Errors },
      },
    },
    async (req) => {
      await notes.selectNote(db, actorOf(req), req.params.id, req.body.selected);
      return { ok: true };
    },
  );
  app.get(
    '/api/reading/collection.docx',
    { preHandler: requireAuth('reading.read'), schema: { querystring: YearQuery } },
    async (req, reply) =>
      sendDownload(
        reply,
        `${req.query.year}年委员读书笔记选编.docx`,
        DOCX_MIME,
        await notes.collectionDocx(db, actorOf(req), req.query.year),
      ),
  );
  app.get(
    '/api/reading/figures',
    { preHandler: requireAuth('reading.figures'), schema: { querystring: YearQuery } },
    async (req) => notes.readingFigures(db, actorOf(req).committeeId, req.query.year),
  );
}
