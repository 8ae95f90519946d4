// Reading routes (书香政协): groups with their rota of sharing sessions, book lists and handouts, notes with likes and
// comments, the selected notes as Word, and the year's figures with the report sentence.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { DOCX_MIME, sendDownload, XLSX_MIME } from '../../platform/download.ts';
import { Errors, NoQuery, routeKit } from '../../platform/route-kit.ts';
import { IdParams, page } from '../../platform/routes.ts';
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

const SelectedInput = Type.Object({ selected: Type.Boolean({ title: '是否入选' }) });
const YearQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100, title: '年度' }) });

export async function readingRoutes(fastify: FastifyInstance, { db }: ModuleDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const r = routeKit(fastify);

  r.list('/api/reading/groups', 'reading.read', NoQuery, (actor) => grp.listGroups(db, actor));
  r.create('/api/reading/groups', 'reading.manage', GroupInput, (actor, body) => grp.createGroup(db, actor, body));
  r.read('/api/reading/groups/:id', 'reading.read', (actor, id) => grp.getGroup(db, actor, id));
  r.createUnder('/api/reading/groups/:id/sessions', 'reading.read', SessionInput, (actor, id, body) =>
    grp.scheduleSession(db, actor, id, body),
  );
  r.change('post', '/api/reading/sessions/:id/actions', 'reading.read', ActionBody, (actor, id, b) =>
    grp.fireSessionAction(db, actor, id, b.action, b.comment),
  );
  r.list(
    '/api/reading/lists',
    'reading.read',
    Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
    (actor, q) => grp.listBookLists(db, actor, q.year),
  );
  r.create('/api/reading/lists', 'reading.manage', BookListInput, (actor, body) => grp.createBookList(db, actor, body));
  app.post(
    '/api/reading/handouts',
    {
      preHandler: requireAuth('reading.manage'),
      schema: { body: HandoutInput, response: { 200: Type.Object({ quantity: Type.Integer() }), ...Errors } },
    },
    async (req) => ({ quantity: await recordHandouts(db, actorOf(req), req.body) }),
  );
  // The hand-out record names members: staff's, like the rest of the reading desk.
  r.list('/api/reading/handouts', 'reading.manage', HandoutFilters, (actor, q) =>
    listHandouts(db, actor, { ...q, ...page(q) }),
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
  r.createUnder('/api/reading/groups/:id/notes', 'reading.take', NoteInput, (actor, id, body) =>
    notes.writeNote(db, actor, id, body),
  );
  app.post(
    '/api/reading/notes/:id/like',
    {
      preHandler: requireAuth('reading.read'),
      schema: { params: IdParams, response: { 200: Type.Object({ liked: Type.Boolean() }), ...Errors } },
    },
    async (req) => notes.toggleLike(db, actorOf(req), req.params.id),
  );
  r.createUnder('/api/reading/notes/:id/comments', 'reading.read', CommentInput, (actor, id, body) =>
    notes.commentOn(db, actor, id, body.body),
  );
  r.change('put', '/api/reading/notes/:id/selected', 'reading.manage', SelectedInput, (actor, id, body) =>
    notes.selectNote(db, actor, id, body.selected),
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
