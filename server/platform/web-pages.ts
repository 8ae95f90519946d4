// Pages the server sends itself instead of the web app's index.html: /login as the build's plain HTML page
// (web/login.html, decision 0023), so a phone's first screen needs no framework; someone already signed in goes straight
// on (the forced password change first), as the app's login page did. / for a member as plain HTML too (web/home.html,
// decision 0027); homes with a dashboard get the app's index.html.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { safeNext } from '../../web/app/next.ts';
import { loadMe } from './auth/routes.ts';
import { actorOf } from './auth/session.ts';
import type { Db } from './db/client.ts';
import { homeFiles, plainHome, renderHome } from './home-page.ts';

export async function webPageRoutes(app: FastifyInstance, opts: { webDist: string; db: Db }) {
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

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const session = request.session;
    // As the app's frame did: signed out → the login page (it returns here), the forced password change first.
    if (!session) return reply.redirect('/login', 303);
    if (session.mustChangePassword) return reply.redirect('/password', 303);
    const actor = actorOf(request);
    const me = await loadMe(opts.db, actor.committeeId, actor.accountId!, session.csrfToken);
    // The page holds the user's name and to-dos: never stored by a shared cache; the worker keeps its own copy.
    reply.header('cache-control', 'private, no-cache').type('text/html; charset=utf-8');
    if (!plainHome(me)) return reply.send(await fs.readFile(path.join(opts.webDist, 'index.html'), 'utf8'));
    const [template, menu] = await homeFiles(opts.webDist);
    return reply.send(await renderHome(opts.db, actor, me, template, menu));
  });
}
