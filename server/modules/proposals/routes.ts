// Proposal routes: each area registers its own (routes-filing, routes-lists, routes-figures, routes-admin,
// routes-documents); schemas live in schemas.ts and schemas-admin.ts.
import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../app.ts';
import { registerTodos } from '../../platform/todos.ts';
import { proposalAdminRoutes } from './routes-admin.ts';
import { proposalDocumentRoutes } from './routes-documents.ts';
import { proposalFigureRoutes } from './routes-figures.ts';
import { proposalFilingRoutes } from './routes-filing.ts';
import { proposalListRoutes } from './routes-lists.ts';
import { proposalTodos } from './todos.ts';

export async function proposalRoutes(app: FastifyInstance, deps: ModuleDeps) {
  registerTodos('proposals', proposalTodos);
  proposalListRoutes(app, deps);
  proposalFilingRoutes(app, deps);
  proposalFigureRoutes(app, deps);
  proposalAdminRoutes(app, deps);
  proposalDocumentRoutes(app, deps);
}
