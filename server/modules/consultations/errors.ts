// Named error factories of the consultation module: stable ids, Chinese messages.
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';

export const planNotFound = () => notFound('consultation.plan_not_found', '协商计划不存在');
export const planExists = () => conflict('consultation.plan_exists', '该年度的计划已存在');
export const planNotDraft = () =>
  conflict('consultation.plan_not_draft', '计划已提交审议或已发布，不能修改；如需修改请先发起计划调整');
export const itemNotFound = () => notFound('consultation.item_not_found', '计划项目不存在');
export const topicNotFound = () => notFound('consultation.topic_not_found', '议题建议不存在');
export const collectionClosed = () => conflict('consultation.collection_closed', '议题征集已截止');
export const cannotSuggest = () =>
  forbidden('consultation.cannot_suggest', '只有委员、党派团体、专委会和承办单位可以提出议题建议');
export const eventNotFound = () => notFound('consultation.event_not_found', '协商活动不存在');
export const eventNotEditable = () => conflict('consultation.event_not_editable', '协商活动已举行或已取消，不能修改');
export const speechNotFound = () => notFound('consultation.speech_not_found', '发言不存在');
export const badKind = (field = 'kind') => badRequest('consultation.kind', '所选协商类型不在本会的类型清单中', field);
export const badSpecialCommittee = (field = 'specialCommitteeId') =>
  badRequest('consultation.special_committee', '所选专委会不存在', field);
export const required = (label: string, field: string) =>
  badRequest(`consultation.${field}`, `「${label}」不能为空`, field);
export const speechExists = () => conflict('consultation.speech_exists', '您已报名在本次协商活动上发言');
export const noMinutesYet = () => conflict('consultation.no_minutes', '会议尚未形成纪要，不能导出会议纪要');
/** 404 discussion.statement_not_found: no such 观点 in the discussion. */
export const statementNotFound = () => notFound('discussion.statement_not_found', '观点不存在');
/** 404 discussion.invitation: no such invitation link (or not this committee's). */
export const invitationNotFound = () => notFound('discussion.invitation', '邀请链接不存在');
