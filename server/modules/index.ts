// Every capability module the app registers, in order. A module is a Fastify plugin receiving the shared deps.
import type { ModuleDeps } from '../app.ts';
import type { FigureGroup } from '../platform/figures/registry.ts';
import { accountRoutes } from './accounts/routes.ts';
import { activityFigureGroup } from './activities/figure-group.ts';
import { activityRoutes } from './activities/routes.ts';
import { archiveRoutes } from './archive/routes.ts';
import { discussionRoutes } from './consultations/discussion-routes.ts';
import { consultationFigureGroup, outcomeFigureGroup } from './consultations/figure-group.ts';
import { outcomeRoutes } from './consultations/outcome-routes.ts';
import { consultationRoutes } from './consultations/routes.ts';
import { dutyFigureGroup } from './duty/figure-group.ts';
import { dutyRoutes } from './duty/routes.ts';
import { grassrootsFigureGroup } from './grassroots/figure-group.ts';
import { grassrootsRoutes } from './grassroots/routes.ts';
import { learningRoutes } from './learning/routes.ts';
import { meetingFigureGroup } from './meetings/figure-group.ts';
import { meetingRoutes } from './meetings/routes.ts';
import { opinionFigureGroup } from './opinions/figure-group.ts';
import { opinionRoutes } from './opinions/routes.ts';
import { orgRoutes } from './org/routes.ts';
import { proposalFigureGroup } from './proposals/figure-group.ts';
import { proposalRoutes } from './proposals/routes.ts';
import { readingRoutes } from './reading/routes.ts';

export interface AppModule {
  name: string;
  routes: (app: import('fastify').FastifyInstance, deps: ModuleDeps) => Promise<void>;
  /** The module's figures for the registry (platform/figures), shown on dashboards and in reports. */
  figures?: FigureGroup[];
}

export const modules: AppModule[] = [
  { name: 'org', routes: orgRoutes },
  { name: 'accounts', routes: accountRoutes },
  { name: 'proposals', routes: proposalRoutes, figures: [proposalFigureGroup] },
  { name: 'opinions', routes: opinionRoutes, figures: [opinionFigureGroup] },
  { name: 'meetings', routes: meetingRoutes, figures: [meetingFigureGroup] },
  { name: 'activities', routes: activityRoutes, figures: [activityFigureGroup] },
  { name: 'duty', routes: dutyRoutes, figures: [dutyFigureGroup] },
  { name: 'consultations', routes: consultationRoutes, figures: [consultationFigureGroup] },
  { name: 'consultationOutcomes', routes: outcomeRoutes, figures: [outcomeFigureGroup] },
  { name: 'discussions', routes: discussionRoutes },
  { name: 'learning', routes: learningRoutes },
  { name: 'archive', routes: archiveRoutes },
  { name: 'reading', routes: readingRoutes },
  { name: 'grassroots', routes: grassrootsRoutes, figures: [grassrootsFigureGroup] },
];
