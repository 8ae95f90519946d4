// Signed-in routes of the public site: staff write, publish and unpublish news and notices, see the public's proposal
// ideas and hand them to members; a member reads the ideas handed to them. The anonymous side is public-routes.ts.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { registerActionLabels } from '../../platform/audit/labels.ts';
import { actorOf } from '../../platform/auth/session.ts';
import { okInTransaction } from '../../platform/http/handlers.ts';
import { guarded } from '../../platform/route-kit.ts';
import { ErrorBody, IdParams, Ok, page } from '../../platform/routes.ts';
import { handIdea, listIdeas, myIdeas } from './ideas.ts';
import { getNews, listNews, saveNews, setNewsPublished } from './news.ts';
import { publicSiteRoutes } from './public-routes.ts';
import { HandBody, IdeaQuery, NewsBody, NewsQuery } from './schemas.ts';

const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Any = Type.Any();
const List = Type.Object({ items: Type.Array(Any), total: Type.Integer() });
const Created = Type.Object({ id: Type.Integer() });

registerActionLabels({
  'publicSite.news.create': '新闻公告·新建',
  'publicSite.news.update': '新闻公告·修改',
  'publicSite.news.publish': '新闻公告·发布',
  'publicSite.news.unpublish': '新闻公告·撤回',
  'publicSite.idea.submit': '提案线索·群众提交',
  'publicSite.idea.hand': '提案线索·交给委员',
});

export async function publicSiteModuleRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const guard = guarded(['publicSite']);
  await publicSiteRoutes(app, deps);

  r.get(
    '/api/public-site/news',
    guard('publicSite.manage', { querystring: NewsQuery, response: { 200: List, ...Errors } }),
    async (req) => {
      const p = page(req.query);
      return listNews(db, actorOf(req), req.query, p.limit, p.offset);
    },
  );
  r.post(
    '/api/public-site/news',
    guard('publicSite.manage', { body: NewsBody, response: { 200: Created, ...Errors } }),
    async (req) => db.transaction((tx) => saveNews(tx, actorOf(req), null, req.body)),
  );
  r.get(
    '/api/public-site/news/:id',
    guard('publicSite.manage', { params: IdParams, response: { 200: Any, ...Errors } }),
    async (req) => getNews(db, actorOf(req), req.params.id),
  );
  r.put(
    '/api/public-site/news/:id',
    guard('publicSite.manage', { params: IdParams, body: NewsBody, response: { 200: Created, ...Errors } }),
    async (req) => db.transaction((tx) => saveNews(tx, actorOf(req), req.params.id, req.body)),
  );
  for (const [path, publish] of [
    ['publish', true],
    ['unpublish', false],
  ] as const) {
    r.post(
      `/api/public-site/news/:id/${path}`,
      guard('publicSite.manage', { params: IdParams, response: { 200: Ok, ...Errors } }),
      okInTransaction(db, (tx, actor, req) => setNewsPublished(tx, actor, req.params.id, publish)),
    );
  }
  r.get(
    '/api/public-site/ideas',
    guard('publicSite.manage', { querystring: IdeaQuery, response: { 200: List, ...Errors } }),
    async (req) => {
      const p = page(req.query);
      return listIdeas(db, actorOf(req), req.query, p.limit, p.offset);
    },
  );
  r.post(
    '/api/public-site/ideas/:id/hand',
    guard('publicSite.manage', { params: IdParams, body: HandBody, response: { 200: Ok, ...Errors } }),
    okInTransaction(db, (tx, actor, req) => handIdea(tx, actor, req.params.id, req.body)),
  );
  r.get('/api/public-site/ideas/mine', guard('publicSite.idea', { response: { 200: List, ...Errors } }), async (req) =>
    myIdeas(db, actorOf(req)),
  );
}
