// Types and queries of the proposal screens: the server's own response types (server/modules/proposals/schemas*.ts,
// list-service.ts), imported type-only.
import { useQuery } from '@tanstack/react-query';
import type { ProposalDetail } from '../../../server/modules/proposals/schemas.ts';
import type { ProposalRulesOut } from '../../../server/modules/proposals/schemas-admin.ts';
import type { AllowedAction as ActionInfo } from '../../../server/platform/workflow/engine.ts';
import { api } from '../../api/client.ts';
import { TAG } from '../../components/tagColors.ts';
import { proposalKeys } from './queries.ts';

// Response shapes the server declares are imported type-only (erased from the bundle): one contract, no copy to drift.
export type {
  ListItem,
  SimilarItem as Similar,
  UnitSuggestion,
} from '../../../server/modules/proposals/list-service.ts';
export type { ActionInfo };

export interface Named {
  id: number;
  name: string;
}

/** A year's rules as GET /api/proposals/rules answers them. */
export type Rules = ProposalRulesOut;

/** A proposal's detail page as GET /api/proposals/:id answers it. */
export type Detail = ProposalDetail;

export const STATE_OPTIONS = [
  ['submitted', '待预审'],
  ['returned', '退回修改'],
  ['reviewing', '待审查'],
  ['registered', '已立案待交办'],
  ['assignPending', '交办待审批'],
  ['handling', '办理中'],
  ['replied', '已答复待评价'],
  ['completed', '办理完毕'],
  ['rejected', '不予立案'],
  ['merged', '已并案'],
  ['converted', '已转交'],
  ['withdrawn', '已撤案'],
].map(([value, label]) => ({ value, label }));

export const KIND_OPTIONS = [
  { value: 'individual', label: '个人提案' },
  { value: 'joint', label: '联名提案' },
  { value: 'collective', label: '集体提案' },
];

export const RATING_OPTIONS = [
  { value: 'satisfied', label: '满意' },
  { value: 'partlySatisfied', label: '基本满意' },
  { value: 'unsatisfied', label: '不满意' },
];

/** Tag colours dark enough for white text (WCAG AA contrast), unlike antd's light preset tags. */
export { TAG };

/** Tag colours by state: waiting for the user (gold), in progress (blue), finished well (green), stopped (grey/red). */
export const stateColor = (state: string): string =>
  ({
    draft: TAG.grey,
    cosigning: TAG.gold,
    orgApproval: TAG.gold,
    submitted: TAG.gold,
    returned: TAG.orange,
    reviewing: TAG.gold,
    registered: TAG.blue,
    assignPending: TAG.blue,
    handling: TAG.blue,
    replied: TAG.cyan,
    completed: TAG.green,
    rejected: TAG.red,
    merged: TAG.purple,
    converted: TAG.purple,
    withdrawn: TAG.grey,
  })[state] ?? TAG.grey;

/** The committee's reference lists (terms, sessions, sectors, units…): org's one hook and cache entry. */
export { useReference } from '../org/api.ts';

export const useRules = () =>
  useQuery({
    queryKey: proposalKeys.rules,
    queryFn: () => api.get<Rules>('/api/proposals/rules'),
    staleTime: 60_000,
  });

export const useProposal = (id: number) =>
  useQuery({
    queryKey: proposalKeys.detail(id),
    queryFn: () => api.get<Detail>(`/api/proposals/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
