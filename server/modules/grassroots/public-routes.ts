import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../app.ts';
export async function publicRoutes(_app: FastifyInstance, _deps: ModuleDeps) {}
