// Photos of a room consultation (议事现场照片): uploaded like 随手拍's (platform receiveUpload, images only, bounded
// size), attached to the session by staff or the room's executive convener (audited), readable by signed-in users of the
// committee and — once the session's results are published — by anyone through the room's public page.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { can } from '../../platform/auth/permissions.ts';
import { actorOf } from '../../platform/auth/session.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { attachFiles, FILE_TYPES, openFileForDownload, registerFileAccess } from '../../platform/files/files.ts';
import { receiveUpload } from '../../platform/files/upload.ts';
import { okInTransaction } from '../../platform/http/handlers.ts';
import { guarded } from '../../platform/route-kit.ts';
import { ErrorBody, IdParams, Ok } from '../../platform/routes.ts';
import { Id } from '../consultations/schemas.ts';
import { sessionNotFound } from './errors.ts';
import { isStaff } from './policy.ts';
import { citizenActor, placeByToken } from './public-service.ts';
import { convenesRoom } from './room-service.ts';
import { PublicToken } from './schemas.ts';

export const ENTITY = 'grassroots_session';
/** A phone photo is a few MB; 10 MB leaves room without letting a video through as a "photo". */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
const PHOTO_TYPES = { jpg: FILE_TYPES.jpg, jpeg: FILE_TYPES.jpeg, png: FILE_TYPES.png };
const MAX_PHOTOS = 30;

async function sessionRoom(db: Db, committeeId: number, sessionId: number) {
  const s = await queryOne<{ room_id: number; published: boolean }>(
    db,
    sql`select room_id, results_published as published from grassroots_sessions where committee_id = ${committeeId} and id = ${sessionId}`,
  );
  if (!s) throw sessionNotFound();
  return s;
}

export async function addSessionPhotos(tx: Db, actor: Actor, sessionId: number, fileIds: number[]) {
  const s = await sessionRoom(tx, actor.committeeId, sessionId);
  if (!isStaff(actor) && !(await convenesRoom(tx, actor, s.room_id))) throw forbidden();
  await attachFiles(tx, actor, fileIds, ENTITY, sessionId);
  await writeAudit(tx, actor, {
    action: 'grassroots.session.photos',
    entity: ENTITY,
    entityId: sessionId,
    after: { fileIds },
  });
}

export async function sessionPhotos(db: Db, committeeId: number, sessionId: number) {
  return query<{ id: number; name: string }>(
    db,
    sql`select id, name from files where committee_id = ${committeeId} and entity = ${ENTITY} and entity_id = ${sessionId}
      and mime like 'image/%' order by id limit ${MAX_PHOTOS}`,
  );
}

export async function photoRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['grassroots'];
  const guard = guarded(tags);
  // Anyone signed in to the committee with grassroots access, or anyone at all once the results are public.
  registerFileAccess(ENTITY, async (d, actor, id) => {
    const s = await queryOne<{ published: boolean }>(
      d,
      sql`select results_published as published from grassroots_sessions where committee_id = ${actor.committeeId} and id = ${id}`,
    );
    return !!s && (s.published || can(actor.roles, 'grassroots.read'));
  });

  r.post('/api/grassroots/uploads', guard('grassroots.read', { consumes: ['multipart/form-data'] }), async (req) =>
    receiveUpload(db, req, actorOf(req), { maxBytes: PHOTO_MAX_BYTES, types: PHOTO_TYPES }),
  );
  r.post(
    '/api/grassroots/sessions/:id/photos',
    guard('grassroots.read', {
      params: IdParams,
      body: Type.Object({ fileIds: Type.Array(Id('照片'), { title: '照片', minItems: 1, maxItems: MAX_PHOTOS }) }),
      response: { 200: Ok, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    }),
    okInTransaction(db, (tx, actor, req) => addSessionPhotos(tx, actor, req.params.id, req.body.fileIds)),
  );
  r.get(
    '/api/public/rooms/:token/photos/:fileId',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        params: Type.Object({ token: PublicToken.properties.token, fileId: Id('照片') }),
      },
    },
    async (req, reply) => {
      const place = await placeByToken(db, 'room', req.params.token);
      const own = await queryOne(
        db,
        sql`select 1 from files f join grassroots_sessions s on s.committee_id = f.committee_id and s.id = f.entity_id
          where f.committee_id = ${place.committeeId} and f.id = ${req.params.fileId} and f.entity = ${ENTITY}
            and s.room_id = ${place.id} and s.results_published and f.mime like 'image/%'`,
      );
      if (!own) throw notFound('grassroots.photo', '照片不存在');
      const { file, stream } = await openFileForDownload(
        db,
        citizenActor(place.committeeId, '', req.ip),
        req.params.fileId,
      );
      return reply.header('content-type', file.mime).header('cache-control', 'public, max-age=3600').send(stream);
    },
  );
}
