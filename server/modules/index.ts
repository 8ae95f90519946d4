// Every capability module the app registers, in order. A module is a Fastify plugin receiving the shared deps.
import type { ModuleDeps } from '../app.ts';
import type { FigureGroup } from '../platform/figures/registry.ts';
import { accountRoutes } from './accounts/routes.ts';
import { activityFigureGroup } from './activities/figure-group.ts';
import { activityRecordSource } from './activities/record-entries.ts';
import { activityRoutes } from './activities/routes.ts';
import { archiveFigureGroup } from './archive/figure-group.ts';
import { archiveRoutes } from './archive/routes.ts';
import { discussionRoutes } from './consultations/discussion-routes.ts';
import { consultationFigureGroup, outcomeFigureGroup } from './consultations/figure-group.ts';
import { outcomeRoutes } from './consultations/outcome-routes.ts';
import { consultationRecordSource } from './consultations/record-entries.ts';
import { consultationRoutes } from './consultations/routes.ts';
import { dutyFigureGroup } from './duty/figure-group.ts';
import { dutyRecordSource } from './duty/record-entries.ts';
import { dutyRoutes } from './duty/routes.ts';
import { grassrootsFigureGroup } from './grassroots/figure-group.ts';
import { grassrootsRoutes } from './grassroots/routes.ts';
import { learningFigureGroup } from './learning/figure-group.ts';
import { learningRecordSource } from './learning/record-entries.ts';
import { learningRoutes } from './learning/routes.ts';
import { liaisonFigureGroup } from './liaison/figure-group.ts';
import { liaisonRoutes } from './liaison/routes.ts';
import { meetingFigureGroup } from './meetings/figure-group.ts';
import { meetingRecordSource } from './meetings/record-entries.ts';
import { meetingRoutes } from './meetings/routes.ts';
import { opinionFigureGroup } from './opinions/figure-group.ts';
import { opinionRecordSource } from './opinions/record-entries.ts';
import { opinionRoutes } from './opinions/routes.ts';
import { orgRoutes } from './org/routes.ts';
import { proposalFigureGroup } from './proposals/figure-group.ts';
import { proposalRecordSource } from './proposals/record-entries.ts';
import { proposalRoutes } from './proposals/routes.ts';
import { publicSiteModuleRoutes } from './public-site/routes.ts';
import { readingFigureGroup } from './reading/figure-group.ts';
import { readingRecordSource } from './reading/record-entries.ts';
import { readingRoutes } from './reading/routes.ts';
import type { RecordSource } from './record/registry.ts';
import { recordRoutes } from './record/routes.ts';
import { supervisionFigureGroup } from './supervision/figure-group.ts';
import { supervisionRoutes } from './supervision/routes.ts';
import { taskFigureGroup } from './tasks/figure-group.ts';
import { commitmentRecordSource, taskRecordSource } from './tasks/record-entries.ts';
import { taskRoutes } from './tasks/routes.ts';
import { workspaceRoutes } from './workspace/routes.ts';

export interface AppModule {
  name: string;
  routes: (app: import('fastify').FastifyInstance, deps: ModuleDeps) => Promise<void>;
  /** The module's figures for the registry (platform/figures), shown on dashboards and in reports. */
  figures?: FigureGroup[];
  /** The module's sections of the member's record (履职档案, modules/record). */
  record?: RecordSource[];
}

export const modules: AppModule[] = [
  { name: 'org', routes: orgRoutes },
  { name: 'accounts', routes: accountRoutes },
  { name: 'proposals', routes: proposalRoutes, figures: [proposalFigureGroup], record: [proposalRecordSource] },
  { name: 'opinions', routes: opinionRoutes, figures: [opinionFigureGroup], record: [opinionRecordSource] },
  { name: 'meetings', routes: meetingRoutes, figures: [meetingFigureGroup], record: [meetingRecordSource] },
  { name: 'activities', routes: activityRoutes, figures: [activityFigureGroup], record: [activityRecordSource] },
  { name: 'duty', routes: dutyRoutes, figures: [dutyFigureGroup], record: [dutyRecordSource] },
  {
    name: 'consultations',
    routes: consultationRoutes,
    figures: [consultationFigureGroup],
    record: [consultationRecordSource],
  },
  { name: 'consultationOutcomes', routes: outcomeRoutes, figures: [outcomeFigureGroup] },
  { name: 'discussions', routes: discussionRoutes },
  { name: 'learning', routes: learningRoutes, figures: [learningFigureGroup], record: [learningRecordSource] },
  { name: 'archive', routes: archiveRoutes, figures: [archiveFigureGroup] },
  { name: 'reading', routes: readingRoutes, figures: [readingFigureGroup], record: [readingRecordSource] },
  {
    name: 'tasks',
    routes: taskRoutes,
    figures: [taskFigureGroup],
    record: [taskRecordSource, commitmentRecordSource],
  },
  { name: 'liaison', routes: liaisonRoutes, figures: [liaisonFigureGroup] },
  { name: 'record', routes: recordRoutes },
  { name: 'grassroots', routes: grassrootsRoutes, figures: [grassrootsFigureGroup] },
  { name: 'supervision', routes: supervisionRoutes, figures: [supervisionFigureGroup] },
  { name: 'public-site', routes: publicSiteModuleRoutes },
  { name: 'workspace', routes: workspaceRoutes },
];
