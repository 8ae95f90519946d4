// Pages the server sends itself instead of the web app's index.html (decision 0023): /login as the build's plain
// HTML page (web/login.html), so a phone's first screen needs no framework. Someone already signed in goes straight
// on (the forced password change first), as the app's login page did.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { safeNext } from '../../web/app/next.ts';

export async function webPageRoutes(app: FastifyInstance, opts: { webDist: string }) {
  app.get('/login', { schema: { hide: true } }, async (request, reply) => {
    const next = (request.query as Record<string, unknown>).next;
    const nextText = typeof next === 'string' ? next : null;
    if (request.session)
      return reply.redirect(request.session.mustChangePassword ? '/password' : safeNext(nextText), 303);
    // Read per request, like the static files: a rebuilt web app is served without a restart.
    let html = await fs.readFile(path.join(opts.webDist, 'login.html'), 'utf8');
    // Sent from where the user was (signed out, or the session expired): the notice shows in the first paint.
    if (nextText)
      html = html.replace('id="next-notice" class="alert info" hidden', 'id="next-notice" class="alert info"');
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  });
}
