// Archive routes (数字文史): collection topics, submissions of first-hand accounts (with photos, scans and audio), the
// editorial steps on the engine, versions, volumes, full-text search with filters, and a volume as Word.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { DOCX_MIME, sendDownload } from '../../platform/download.ts';
import { FILE_TYPES, MEDIA_TYPES, registerFileAccess } from '../../platform/files/files.ts';
import { receiveUpload } from '../../platform/files/upload.ts';
import { Errors, NoQuery, routeKit, SimpleAction } from '../../platform/route-kit.ts';
import { IdParams, page } from '../../platform/routes.ts';
import { getSetting } from '../../platform/settings/settings.ts';
import * as art from './article-service.ts';
import { volumeDocx, volumePrintHtml } from './documents.ts';
import {
  ActionBody,
  ArticleEdit,
  ArticleFilters,
  ArticleSubmit,
  TopicInput,
  VillageFilters,
  VillageInput,
  VolumeInput,
} from './schemas.ts';
import * as vil from './village-service.ts';
import * as vol from './volume-service.ts';

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
  const r = routeKit(fastify);
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
  r.list('/api/archive/topics', 'archive.read', NoQuery, (actor) => vol.listTopics(db, actor));
  r.create('/api/archive/topics', 'archive.edit', TopicInput, (actor, body) => vol.createTopic(db, actor, body));
  r.change('post', '/api/archive/topics/:id/actions', 'archive.edit', SimpleAction, (actor, id, b) =>
    vol.fireTopicAction(db, actor, id, b.action, b.comment),
  );

  // Articles
  r.list('/api/archive/articles', 'archive.read', ArticleFilters, (actor, q) =>
    art.listArticles(db, actor, { ...q, ...page(q) }),
  );
  r.create('/api/archive/articles', 'archive.submit', ArticleSubmit, (actor, body) =>
    art.submitArticle(db, actor, body),
  );
  r.read('/api/archive/articles/:id', 'archive.read', (actor, id) => art.getArticle(db, actor, id));
  r.change('put', '/api/archive/articles/:id', 'archive.submit', ArticleSubmit, (actor, id, body) =>
    art.amendArticle(db, actor, id, body),
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
  r.change('post', '/api/archive/articles/:id/actions', 'archive.read', ActionBody, (actor, id, body) =>
    art.fireArticleAction(db, actor, id, body),
  );

  // Volumes
  r.list('/api/archive/volumes', 'archive.read', NoQuery, (actor) => vol.listVolumes(db, actor));
  r.create('/api/archive/volumes', 'archive.edit', VolumeInput, (actor, body) => vol.createVolume(db, actor, body));
  r.read('/api/archive/volumes/:id', 'archive.read', (actor, id) => vol.getVolume(db, actor, id));
  r.change('post', '/api/archive/volumes/:id/actions', 'archive.edit', SimpleAction, (actor, id, b) =>
    vol.fireVolumeAction(db, actor, id, b.action, b.comment),
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
  r.list('/api/archive/villages', 'archive.read', VillageFilters, (actor, q) => vil.listVillages(db, actor, q));
  r.create('/api/archive/villages', 'archive.edit', VillageInput, (actor, body) => vil.createVillage(db, actor, body));
  r.read('/api/archive/villages/:id', 'archive.read', (actor, id) => vil.getVillage(db, actor, id));
  r.change('put', '/api/archive/villages/:id', 'archive.edit', VillageInput, (actor, id, body) =>
    vil.updateVillage(db, actor, id, body),
  );
}
