// Archive routes (数字文史): collection topics, submissions of first-hand accounts (with photos, scans and audio), the
// editorial steps on the engine, versions, volumes, full-text search with filters, and a volume as Word.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

/** Lists that take no parameters: anything in the query string is refused. */
const NoQuery = Type.Object({}, { additionalProperties: false });

import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { DOCX_MIME, sendDownload } from '../../platform/download.ts';
import { FILE_TYPES, MEDIA_TYPES, registerFileAccess } from '../../platform/files/files.ts';
import { receiveUpload } from '../../platform/files/upload.ts';
import { ErrorBody, IdParams, Ok, page } from '../../platform/routes.ts';
import { getSetting } from '../../platform/settings/settings.ts';
import * as art from './article-service.ts';
import { volumeDocx, volumePrintHtml } from './documents.ts';
import {
  ActionBody,
  ArticleEdit,
  ArticleFilters,
  ArticleSubmit,
  TopicInput,
  VILLAGE_STATES,
  VillageInput,
  VolumeInput,
} from './schemas.ts';
import * as vil from './village-service.ts';
import * as vol from './volume-service.ts';

const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Created = Type.Object({ id: Type.Integer() });
const SimpleAction = Type.Object({
  action: Type.String({ minLength: 1, maxLength: 40, title: '操作' }),
  comment: Type.Optional(Type.String({ maxLength: 2000, title: '意见' })),
});
/** Archive uploads: photos, scans (PDF) and audio recordings of an account, up to the committee's limit. */
export const ARCHIVE_SETTINGS_KEY = 'archive.settings';
const ARCHIVE_DEFAULTS = { uploadMaxMb: 100 };
const ARCHIVE_TYPES = {
  jpg: FILE_TYPES.jpg,
  jpeg: FILE_TYPES.jpeg,
  png: FILE_TYPES.png,
  pdf: FILE_TYPES.pdf,
  mp3: MEDIA_TYPES.mp3,
  m4a: MEDIA_TYPES.m4a,
};

export async function archiveRoutes(fastify: FastifyInstance, { db }: ModuleDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  registerFileAccess(
    'archive_article',
    async (d, actor, id) => !!(await art.getArticle(d, actor, id).catch(() => null)),
  );

  app.post(
    '/api/archive/uploads',
    { preHandler: requireAuth('archive.read'), schema: { consumes: ['multipart/form-data'] } },
    async (req) => {
      const actor = actorOf(req);
      const s = await getSetting(db, actor.committeeId, ARCHIVE_SETTINGS_KEY, beijingYearOf(), ARCHIVE_DEFAULTS);
      return receiveUpload(db, req, actor, { maxBytes: s.uploadMaxMb * 1024 * 1024, types: ARCHIVE_TYPES });
    },
  );

  // Topics
  app.get(
    '/api/archive/topics',
    { preHandler: requireAuth('archive.read'), schema: { querystring: NoQuery } },
    async (req) => vol.listTopics(db, actorOf(req)),
  );
  app.post(
    '/api/archive/topics',
    { preHandler: requireAuth('archive.edit'), schema: { body: TopicInput, response: { 200: Created, ...Errors } } },
    async (req) => ({ id: await vol.createTopic(db, actorOf(req), req.body) }),
  );
  app.post(
    '/api/archive/topics/:id/actions',
    {
      preHandler: requireAuth('archive.edit'),
      schema: { params: IdParams, body: SimpleAction, response: { 200: Ok, ...Errors } },
    },
    async (req) => {
      await vol.fireTopicAction(db, actorOf(req), req.params.id, req.body.action, req.body.comment);
      return { ok: true };
    },
  );

  // Articles
  app.get(
    '/api/archive/articles',
    { preHandler: requireAuth('archive.read'), schema: { querystring: ArticleFilters } },
    async (req) => art.listArticles(db, actorOf(req), { ...req.query, ...page(req.query) }),
  );
  app.post(
    '/api/archive/articles',
    {
      preHandler: requireAuth('archive.submit'),
      schema: { body: ArticleSubmit, response: { 200: Created, ...Errors } },
    },
    async (req) => ({ id: await art.submitArticle(db, actorOf(req), req.body) }),
  );
  app.get(
    '/api/archive/articles/:id',
    { preHandler: requireAuth('archive.read'), schema: { params: IdParams } },
    async (req) => art.getArticle(db, actorOf(req), req.params.id),
  );
  app.put(
    '/api/archive/articles/:id',
    {
      preHandler: requireAuth('archive.submit'),
      schema: { params: IdParams, body: ArticleSubmit, response: { 200: Ok, ...Errors } },
    },
    async (req) => {
      await art.amendArticle(db, actorOf(req), req.params.id, req.body);
      return { ok: true };
    },
  );
  app.post(
    '/api/archive/articles/:id/versions',
    {
      preHandler: requireAuth('archive.edit'),
      schema: {
        params: IdParams,
        body: ArticleEdit,
        response: { 200: Type.Object({ version: Type.Integer() }), ...Errors },
      },
    },
    async (req) => ({ version: await art.editArticle(db, actorOf(req), req.params.id, req.body) }),
  );
  app.get(
    '/api/archive/articles/:id/versions/:version',
    {
      preHandler: requireAuth('archive.edit'),
      schema: {
        params: Type.Object({
          id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
          version: Type.Integer({ minimum: 0, maximum: 100000 }),
        }),
      },
    },
    async (req) => art.getVersion(db, actorOf(req), req.params.id, req.params.version),
  );
  app.post(
    '/api/archive/articles/:id/actions',
    {
      preHandler: requireAuth('archive.read'),
      schema: { params: IdParams, body: ActionBody, response: { 200: Ok, ...Errors } },
    },
    async (req) => {
      await art.fireArticleAction(db, actorOf(req), req.params.id, req.body);
      return { ok: true };
    },
  );

  // Volumes
  app.get(
    '/api/archive/volumes',
    { preHandler: requireAuth('archive.read'), schema: { querystring: NoQuery } },
    async (req) => vol.listVolumes(db, actorOf(req)),
  );
  app.post(
    '/api/archive/volumes',
    { preHandler: requireAuth('archive.edit'), schema: { body: VolumeInput, response: { 200: Created, ...Errors } } },
    async (req) => ({ id: await vol.createVolume(db, actorOf(req), req.body) }),
  );
  app.get(
    '/api/archive/volumes/:id',
    { preHandler: requireAuth('archive.read'), schema: { params: IdParams } },
    async (req) => vol.getVolume(db, actorOf(req), req.params.id),
  );
  app.post(
    '/api/archive/volumes/:id/actions',
    {
      preHandler: requireAuth('archive.edit'),
      schema: { params: IdParams, body: SimpleAction, response: { 200: Ok, ...Errors } },
    },
    async (req) => {
      await vol.fireVolumeAction(db, actorOf(req), req.params.id, req.body.action, req.body.comment);
      return { ok: true };
    },
  );
  app.get(
    '/api/archive/volumes/:id/volume.docx',
    { preHandler: requireAuth('archive.read'), schema: { params: IdParams } },
    async (req, reply) => {
      const v = await vol.getVolume(db, actorOf(req), req.params.id);
      return sendDownload(reply, `文史资料第${v.number}辑·${v.title}.docx`, DOCX_MIME, await volumeDocx(v));
    },
  );
  app.get(
    '/api/archive/volumes/:id/print',
    { preHandler: requireAuth('archive.read'), schema: { params: IdParams } },
    async (req, reply) => {
      const v = await vol.getVolume(db, actorOf(req), req.params.id);
      return reply.type('text/html; charset=utf-8').send(volumePrintHtml(v));
    },
  );

  // Village histories (村史)
  app.get(
    '/api/archive/villages',
    {
      preHandler: requireAuth('archive.read'),
      schema: {
        querystring: Type.Object(
          {
            township: Type.Optional(Type.String({ maxLength: 50, title: '乡镇（街道）' })),
            state: Type.Optional(
              Type.Union(
                Object.keys(VILLAGE_STATES).map((k) => Type.Literal(k)),
                { title: '项目状态' },
              ),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => vil.listVillages(db, actorOf(req), req.query),
  );
  app.post(
    '/api/archive/villages',
    { preHandler: requireAuth('archive.edit'), schema: { body: VillageInput, response: { 200: Created, ...Errors } } },
    async (req) => ({ id: await vil.createVillage(db, actorOf(req), req.body) }),
  );
  app.get(
    '/api/archive/villages/:id',
    { preHandler: requireAuth('archive.read'), schema: { params: IdParams } },
    async (req) => vil.getVillage(db, actorOf(req), req.params.id),
  );
  app.put(
    '/api/archive/villages/:id',
    {
      preHandler: requireAuth('archive.edit'),
      schema: { params: IdParams, body: VillageInput, response: { 200: Ok, ...Errors } },
    },
    async (req) => {
      await vil.updateVillage(db, actorOf(req), req.params.id, req.body);
      return { ok: true };
    },
  );
}
