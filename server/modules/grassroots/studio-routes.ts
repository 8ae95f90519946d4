import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../app.ts';
export async function studioRoutes(_app: FastifyInstance, _deps: ModuleDeps) {}
