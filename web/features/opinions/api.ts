// Types and queries of the opinion-report screens (社情民意信息), mirroring server/modules/opinions/routes.ts.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export {
  countChars,
  LEADER_ORGANS,
  LEVELS,
  REFERRAL_STATES,
  REPORT_STATES,
  SUBMITTER_KINDS,
} from '../../../server/modules/opinions/rules.ts';

import { opinionKeys } from './queries.ts';

// Response shapes are the server's own types (type-only imports, erased from the bundle): one contract, no copy to drift.
export type { ReportDetail as Detail } from '../../../server/modules/opinions/detail.ts';
export type { Figures, LevelCount } from '../../../server/modules/opinions/figures.ts';
export type { IssueSummary } from '../../../server/modules/opinions/issue-service.ts';
export type { ListItem } from '../../../server/modules/opinions/list-service.ts';

export type {
  FileOut,
  IssueDetail,
  OpinionSettings,
  UnitReferral as Referral,
} from '../../../server/modules/opinions/schemas.ts';

import type { OpinionSettings } from '../../../server/modules/opinions/schemas.ts';

export const useOpinionSettings = () =>
  useQuery({
    queryKey: opinionKeys.settings,
    queryFn: () => api.get<OpinionSettings>('/api/opinions/settings'),
    staleTime: 60_000,
  });

export const STATE_COLORS: Record<string, 'default' | 'blue' | 'orange' | 'red' | 'cyan' | 'green'> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  declined: 'red',
  accepted: 'cyan',
  compiled: 'green',
};

export const LEVEL_LABEL: Record<string, string> = { county: '县级', city: '市级', province: '省级', national: '全国' };
export const levelNames = (levels: string[]) => levels.map((l) => LEVEL_LABEL[l] ?? l).join('、');
