// Duty routes: 我的履职 (a member's year line by line, the committee median, reminders), staff score tables and group
// summaries with Excel export, the quarterly bulletin in Word and Excel, rule sets (ready sets, versions, save →
// re-score), consequences, self-reports and commendations.

import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../app.ts';
import { registerTodos } from '../../platform/todos.ts';
import { dutyConductRoutes } from './routes-conduct.ts';
import { dutyConsequenceRoutes } from './routes-consequences.ts';
import { dutyReportRoutes } from './routes-reports.ts';
import { dutyRuleRoutes } from './routes-rules.ts';
import { dutyScoreRoutes } from './routes-scores.ts';
import { dutySectorRoutes } from './routes-sectors.ts';
import { dutyTodos } from './todos.ts';

export async function dutyRoutes(app: FastifyInstance, deps: ModuleDeps) {
  registerTodos('duty', dutyTodos);
  dutyScoreRoutes(app, deps);
  dutyRuleRoutes(app, deps);
  dutyConsequenceRoutes(app, deps);
  dutyReportRoutes(app, deps);
  dutyConductRoutes(app, deps);
  dutySectorRoutes(app, deps);
}
