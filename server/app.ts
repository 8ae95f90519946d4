// buildApp(deps): the platform plugins (security headers, cookies, rate limit, uploads, OpenAPI), then every module,
// then the built web app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { Config } from './config.ts';
import { modules } from './modules/index.ts';
import { refuseLeftPeople } from './modules/org/standing.ts';
import { registerRecordSource } from './modules/record/registry.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { sessionResolver } from './platform/auth/session.ts';
import { createSessionCache, keepSessionCacheTrue } from './platform/auth/session-cache.ts';
import { workingCalendarRoutes } from './platform/dates/routes.ts';
import type { Database, Db } from './platform/db/client.ts';
import { embeddedDbQueue } from './platform/db/queue.ts';
import { registerErrorHandler } from './platform/errors.ts';
import { registerFigureGroup } from './platform/figures/registry.ts';
import { reportRoutes } from './platform/figures/report-routes.ts';
import { figureRoutes } from './platform/figures/routes.ts';
import { idempotency } from './platform/idempotency.ts';
import { inputGuard, validatorCompiler } from './platform/input-guard.ts';
import { loggerOptions } from './platform/logging.ts';
import { pushAfterEachRequest, relayNotifications } from './platform/notifications/notifications.ts';
import { clientKey } from './platform/rate-limit.ts';
import { platformRoutes } from './platform/routes.ts';
import { securityHeaders } from './platform/security-headers.ts';
import { webPageRoutes } from './platform/web-pages.ts';

export interface RouteInfo {
  method: string;
  url: string;
  /** The action requireAuth checks; null when any signed-in user may call it; undefined for public routes. */
  permission?: string | null;
  hasSchema: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: RouteInfo[];
  }
}

export interface ModuleDeps {
  db: Db;
  database: Database;
  config: Config;
}

const builtWeb = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export async function buildApp(deps: {
  database: Database;
  config: Config;
  logger?: boolean | object;
  /** The built web app's folder (web/dist by default; tests give one of their own). */
  webDist?: string;
}): Promise<FastifyInstance> {
  const { database, config } = deps;
  const webDist = deps.webDist ?? builtWeb;
  const db = database.db;
  const app = Fastify({
    logger: loggerOptions(deps.logger),
    logController: new LogController({ disableRequestLogging: !config.logRequests }),
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler());
  app.decorateRequest('actor', null);
  if (database.kind === 'pglite')
    embeddedDbQueue(app, {
      concurrency: config.dbConcurrency,
      maxWaiting: config.dbQueueMax,
      maxWaitMs: config.dbQueueWaitMs,
    });
  const catalog: RouteInfo[] = [];
  app.decorate('routeCatalog', catalog);
  // Authentication and permission run before body validation (preValidation), so a caller without the right learns
  // nothing about a route's input; the catalogue feeds the permission-walk test.
  app.addHook('onRoute', (ro) => {
    const pre = [ro.preHandler ?? []].flat() as ((...a: any[]) => any)[];
    const auth = pre.find((h) => 'permission' in h) as ((...a: any[]) => any) & { permission?: string | null };
    // The input guard (unstorable characters, loose numbers) runs after sign-in and permission, before validation.
    const guard = inputGuard(ro.schema);
    ro.preValidation = [...(auth ? [auth] : []), guard, ...([ro.preValidation ?? []].flat() as any[])];
    if (auth) ro.preHandler = pre.filter((h) => h !== auth) as any;
    for (const method of [ro.method].flat()) {
      if (method === 'HEAD') continue;
      catalog.push({ method, url: ro.url, permission: auth ? auth.permission : undefined, hasSchema: !!ro.schema });
    }
  });
  app.decorateRequest('session', null);
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  // Client-side routes: any non-API GET that is not a file (no dot in its last segment) gets the web app's index page.
  registerErrorHandler(
    app,
    hasWeb
      ? (request, reply) => {
          const last = request.url.split('?')[0].split('/').pop() ?? '';
          if (request.method === 'GET' && !request.url.startsWith('/api/') && !last.includes('.'))
            return reply.sendFile('index.html');
          return reply.status(404).send({ error: 'route.not_found', message: '页面或接口不存在' });
        }
      : undefined,
  );

  securityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  // Before compression: its onSend hook stores the JSON answer of a POST that carried an Idempotency-Key.
  idempotency(app, db);
  // Live pushes leave after the handler's transactions committed, never holding PostgreSQL's notify lock (decision 0025).
  pushAfterEachRequest(app, db);
  // Brotli/gzip for JSON and the web app's files (a weak phone network); the event stream is hijacked and unaffected.
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  // Routes' own limits inherit the key: it never throws on a request whose socket has closed (rate-limit.ts).
  await app.register(rateLimit, { max: config.rateLimitPerMinute, timeWindow: '1 minute', keyGenerator: clientKey });
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes + 1, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: '数字政协履职平台 API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zx_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Sessions resolved in the last few seconds come from memory, dropped on every change (session-cache.ts).
  const sessions = createSessionCache(config.sessionCacheSeconds * 1000);
  await keepSessionCacheTrue(app, database, sessions);
  app.addHook(
    'onRequest',
    sessionResolver(
      db,
      { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
      sessions,
    ),
  );
  // After sign-in and permission (preValidation): members and informants who have left change nothing.
  app.addHook('preHandler', refuseLeftPeople(db, catalog));

  await app.register(async (scope) => platformRoutes(scope, { db, uploadMaxBytes: config.uploadMaxBytes }));
  await app.register(async (scope) => workingCalendarRoutes(scope, { db }));
  await app.register(async (scope) =>
    authRoutes(scope, {
      db,
      secureCookies: config.secureCookies,
      loginRateLimitPerMinute: config.loginRateLimitPerMinute,
    }),
  );
  const stopRelay = await relayNotifications(database);
  app.addHook('onClose', () => stopRelay());
  const moduleDeps: ModuleDeps = { db, database, config };
  for (const m of modules) await app.register(async (scope) => m.routes(scope, moduleDeps));
  for (const m of modules) for (const g of m.figures ?? []) registerFigureGroup(g);
  for (const m of modules) for (const r of m.record ?? []) registerRecordSource(r);
  // The figures only read, and many at once (dashboards): from the replica when there is one (DATABASE_READ_URL).
  await app.register(async (scope) => figureRoutes(scope, { db: database.read ?? db }));
  await app.register(async (scope) => reportRoutes(scope, { db }));

  if (hasWeb && fs.existsSync(path.join(webDist, 'login.html')))
    await app.register(async (scope) => webPageRoutes(scope, { webDist, db }));
  // Files are looked up per request (wildcard), so a rebuilt web app is served without a restart.
  // Hashed build files never change under their name: cached for a year. index.html (and the service worker) always
  // revalidate, so a new release is picked up on the next visit.
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  return app;
}
