// Types and labels of the outcome screens (协商成果), from the server's schemas and rules (type-only where possible).

export {
  ADOPTION,
  LEADER_ORGANS,
  LEVELS,
  SUBMIT_TARGETS,
  TRANSFORMATION,
} from '../../../../server/modules/consultations/outcome-labels.ts';
export type {
  OutcomeDetail,
  OutcomeListItem,
  OutcomeUnitOut,
} from '../../../../server/modules/consultations/outcome-schemas.ts';

export const OUTCOME_STATE_OPTIONS = [
  { value: '', label: '全部' },
  { value: 'draft', label: '草稿' },
  { value: 'signOff', label: '待签发' },
  { value: 'signed', label: '待报送' },
  { value: 'submitted', label: '待交办' },
  { value: 'handling', label: '办理反馈中' },
  { value: 'evaluated', label: '已评估' },
  { value: 'closed', label: '已办结' },
];
