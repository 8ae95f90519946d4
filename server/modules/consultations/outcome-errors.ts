// Named error factories of the outcome process: stable ids, Chinese messages, the field they concern.
import { badRequest, conflict, notFound } from '../../platform/errors.ts';

export const outcomeNotFound = () => notFound('consultationOutcome.not_found', '协商成果不存在');
export const outcomeUnitNotFound = () => notFound('consultationOutcome.unit_not_found', '交办记录不存在');
export const badKind = () => badRequest('consultationOutcome.kind', '请选择正确的「成果类型」', 'kind');
export const badLeader = () =>
  badRequest('consultationOutcome.leader', '「牵头领导」须为本会的领导账号', 'leaderAccountId');
export const badSpecialCommittee = () =>
  badRequest('consultationOutcome.special_committee', '所选专委会不存在', 'specialCommitteeId');
export const notEditable = () => conflict('consultationOutcome.not_editable', '成果已送签或报送，不能再修改');
export const noTarget = () => badRequest('consultationOutcome.target', '请选择报送对象（党委或政府）', 'submittedTo');
export const badSubmittedOn = () =>
  badRequest('consultationOutcome.submitted_on', '「报送日期」须为有效日期且不晚于今天', 'submittedOn');
export const noUnits = () => badRequest('consultationOutcome.units', '请至少选择一个「办理单位」', 'unitIds');
export const badUnits = () => badRequest('consultationOutcome.units', '所选办理单位不存在或已停用', 'unitIds');
export const badDueOn = () => badRequest('consultationOutcome.due_on', '「反馈期限」须为今天以后的日期', 'dueOn');
export const noTakenUp = () => badRequest('consultationOutcome.taken_up', '请填写「采纳吸收情况」', 'takenUp');
export const badAdoption = () => badRequest('consultationOutcome.adoption', '请选择「采纳情况」', 'adoption');
export const unitsNotRated = () =>
  conflict('consultationOutcome.units_not_rated', '还有办理单位的反馈未评估，请先逐一评估各单位反馈');
export const badTransformation = () =>
  badRequest('consultationOutcome.transformation', '「成果转化」类别不正确', 'transformationKinds');
export const badInstructionDate = () =>
  badRequest('consultationOutcome.instructed_on', '「批示日期」不能晚于今天', 'instructedOn');
export const notPublishable = () => conflict('consultationOutcome.not_publishable', '成果报送后才能公开');
export const badInstruction = () =>
  badRequest('consultationOutcome.instruction', '请选择批示领导的「机关」和「层级」', 'level');
