// The registry of feature folders: each contributes its pages and menu entries. Add one line per feature.
import { activitiesRoutes } from './activities/index.ts';
import { archiveRoutes } from './archive/index.ts';
import { auditRoutes } from './audit/index.ts';
import { authRoutes } from './auth/index.ts';
import { calendarRoutes } from './calendar/index.ts';
import { discussionRoutes } from './consultations/discussions/index.ts';
import { consultationsRoutes } from './consultations/index.ts';
import { outcomeRoutes } from './consultations/outcomes/index.ts';
import { dutyRoutes } from './duty/index.ts';
import { figuresRoutes } from './figures/index.ts';
import { grassrootsRoutes } from './grassroots/index.ts';
import { homeRoutes } from './home/index.ts';
import { learningRoutes } from './learning/index.ts';
import { liaisonRoutes } from './liaison/index.ts';
import { meetingsRoutes } from './meetings/index.ts';
import { notificationsRoutes } from './notifications/index.ts';
import { opinionsRoutes } from './opinions/index.ts';
import { orgRoutes } from './org/index.ts';
import { proposalsRoutes } from './proposals/index.ts';
import { publicSiteRoutes } from './public-site/index.ts';
import { readingRoutes } from './reading/index.ts';
import { recordRoutes } from './record/index.ts';
import { supervisionRoutes } from './supervision/index.ts';
import { tasksRoutes } from './tasks/index.ts';
import type { FeatureRoute } from './types.ts';
import { workspaceRoutes } from './workspace/index.ts';

export const featureRoutes: FeatureRoute[] = [
  ...homeRoutes,
  ...figuresRoutes,
  ...notificationsRoutes,
  ...authRoutes,
  ...auditRoutes,
  ...calendarRoutes,
  ...orgRoutes,
  ...opinionsRoutes,
  ...proposalsRoutes,
  ...meetingsRoutes,
  ...activitiesRoutes,
  ...dutyRoutes,
  ...consultationsRoutes,
  ...outcomeRoutes,
  ...discussionRoutes,
  ...learningRoutes,
  ...archiveRoutes,
  ...readingRoutes,
  ...tasksRoutes,
  ...liaisonRoutes,
  ...recordRoutes,
  ...grassrootsRoutes,
  ...supervisionRoutes,
  ...publicSiteRoutes,
  ...workspaceRoutes,
];
