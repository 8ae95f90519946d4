// Named error factories of the learning module: stable ids, Chinese messages, the field they concern.
import { badRequest, conflict, notFound } from '../../platform/errors.ts';

export const planNotFound = () => notFound('learning.plan_not_found', '学习计划不存在');
export const planExists = () => conflict('learning.plan_exists', '该年度已有学习计划，请直接修改');
export const materialNotFound = () => notFound('learning.material_not_found', '学习资料不存在');
export const classNotFound = () => notFound('learning.class_not_found', '培训班不存在');
export const sessionNotFound = () => notFound('learning.session_not_found', '培训课次不存在');
export const reflectionNotFound = () => notFound('learning.reflection_not_found', '学习心得不存在');
export const badPlan = () => badRequest('learning.plan', '所选学习计划不存在', 'planId');
export const badFile = () => badRequest('learning.file', '请先上传学习资料文件', 'fileId');
export const fileKindMismatch = (label: string) =>
  badRequest('learning.file_kind', `上传的文件不是${label}，请重新选择文件或资料类型`, 'fileId');
export const badMembers = () => badRequest('learning.members', '所选委员不存在或已不在本届', 'memberIds');
export const badTime = () => badRequest('learning.time', '「结束时间」应晚于「开始时间」', 'endsAt');
export const notPublished = () => conflict('learning.not_published', '学习资料尚未发布');
export const notMember = () => badRequest('learning.not_member', '只有委员本人可以记录学习进度');
export const notEditable = () => conflict('learning.not_editable', '心得已提交，不能再修改');
export const sessionClosed = () => conflict('learning.session_closed', '该课次已结束考勤');
export const badMaterialRef = () => badRequest('learning.material', '所选学习资料不存在或未发布', 'materialId');
export const badClassRef = () => badRequest('learning.class', '所选培训班不存在', 'classId');
export const positionBeyondEnd = () =>
  badRequest('learning.position_beyond_end', '「播放位置」不能超过「时长」', 'positionSeconds');
export const positionRequired = () =>
  badRequest('learning.position_required', '音视频按播放位置记录进度，请提供「播放位置」和「时长」', 'positionSeconds');
export const percentRequired = () => badRequest('learning.percent_required', '请提供「学习进度」', 'percent');
