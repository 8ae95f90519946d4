// The app a bench puts a crowd on, listening on a port. Apart from setup.ts, which needs the audit key module: bench/
// writes.ts also runs on code from before it existed, for its "before" figures.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { Database } from '../server/platform/db/client.ts';

/**
 * The app as production runs it (NODE_ENV=production: request logging off), without rate limits (a bench's crowd comes
 * from one address, like a hall's Wi-Fi behind NAT), ready for `inject`. `env` adds the database's settings.
 */
export async function benchApp(
  database: Database,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<FastifyInstance> {
  const config = loadConfig({
    ...env,
    NODE_ENV: 'production',
    ZHENGXIE_DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const app = await buildApp({ database, config, logger: { level: 'warn' } });
  await app.ready();
  return app;
}

/** benchApp listening on a free local port, with its base URL. */
export async function listenBenchApp(
  database: Database,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ app: FastifyInstance; base: string }> {
  const app = await benchApp(database, dataDir, env);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
}
