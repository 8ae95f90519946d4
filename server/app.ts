// buildApp(deps): the platform plugins (security headers, cookies, rate limit, uploads, OpenAPI), then every module,
// then the built web app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { modules } from './modules/index.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { sessionResolver } from './platform/auth/session.ts';
import type { Database, Db } from './platform/db/client.ts';
import { registerErrorHandler } from './platform/errors.ts';
import { platformRoutes } from './platform/routes.ts';

export interface ModuleDeps {
  db: Db;
  database: Database;
  config: Config;
}

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export async function buildApp(deps: {
  database: Database;
  config: Config;
  logger?: boolean | object;
}): Promise<FastifyInstance> {
  const { database, config } = deps;
  const db = database.db;
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { verbose: true, coerceTypes: 'array', useDefaults: true, removeAdditional: true } },
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  registerErrorHandler(app);

  await app.register(helmet, {
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
  await app.register(rateLimit, { max: 600, timeWindow: '1 minute' });
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes + 1, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: '数字政协履职平台 API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zx_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.addHook(
    'onRequest',
    sessionResolver(db, { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours }),
  );

  await app.register(async (scope) => platformRoutes(scope, { db, uploadMaxBytes: config.uploadMaxBytes }));
  await app.register(async (scope) => authRoutes(scope, { db, secureCookies: config.secureCookies }));
  const moduleDeps: ModuleDeps = { db, database, config };
  for (const m of modules) await app.register(async (scope) => m.routes(scope, moduleDeps));

  if (fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    // Client-side routes: any non-API GET that is not a file gets the app's index page.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.status(404).send({ error: 'route.not_found', message: '页面或接口不存在' });
    });
  }
  return app;
}
