// The security headers (helmet's) on every answer. @fastify/helmet 13 builds helmet's middleware anew for every request
// (it parses the content security policy each time: 3% of the app's CPU on a read, issue 18, decision 0032); here it
// is built once, with the same options, and run as the first onRequest hook, as the plugin ran it.
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** Sets helmet's headers, configured by `options` (helmet's own), on every reply of `app`; throws on invalid options. */
export function securityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const middleware = helmet(options);
  app.addHook('onRequest', (request, reply, done) =>
    middleware(request.raw, reply.raw, (e) => done(e as Error | undefined)),
  );
}
