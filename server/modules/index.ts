// Every capability module the app registers, in order. A module is a Fastify plugin receiving the shared deps.
import type { ModuleDeps } from '../app.ts';
import { accountRoutes } from './accounts/routes.ts';
import { activityRoutes } from './activities/routes.ts';
import { archiveRoutes } from './archive/routes.ts';
import { outcomeRoutes } from './consultations/outcome-routes.ts';
import { consultationRoutes } from './consultations/routes.ts';
import { dutyRoutes } from './duty/routes.ts';
import { learningRoutes } from './learning/routes.ts';
import { meetingRoutes } from './meetings/routes.ts';
import { opinionRoutes } from './opinions/routes.ts';
import { orgRoutes } from './org/routes.ts';
import { proposalRoutes } from './proposals/routes.ts';
import { readingRoutes } from './reading/routes.ts';

export interface AppModule {
  name: string;
  routes: (app: import('fastify').FastifyInstance, deps: ModuleDeps) => Promise<void>;
}

export const modules: AppModule[] = [
  { name: 'org', routes: orgRoutes },
  { name: 'accounts', routes: accountRoutes },
  { name: 'proposals', routes: proposalRoutes },
  { name: 'opinions', routes: opinionRoutes },
  { name: 'meetings', routes: meetingRoutes },
  { name: 'activities', routes: activityRoutes },
  { name: 'duty', routes: dutyRoutes },
  { name: 'consultations', routes: consultationRoutes },
  { name: 'consultationOutcomes', routes: outcomeRoutes },
  { name: 'learning', routes: learningRoutes },
  { name: 'archive', routes: archiveRoutes },
  { name: 'reading', routes: readingRoutes },
];
