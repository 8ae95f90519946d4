// The duty module's errors raised in more than one place: one id, one text, one place.
import { badRequest, notFound } from '../../platform/errors.ts';

/** 404 duty.no_member: the signed-in account is not linked to a member. */
export const noLinkedMember = () => notFound('duty.no_member', '您的账号未关联委员');

/** 404 duty.report_not_found: no such 述职报告 in the session's committee. */
export const dutyReportNotFound = () => notFound('duty.report_not_found', '述职报告不存在');

/** 400 duty.member: the chosen member is not one of the committee's. */
export const dutyMemberUnknown = () => badRequest('duty.member', '所选委员不存在', 'memberId');

/** 400 duty.list_item_invalid: a 正负面清单 item without its 事项. */
export const listItemTitleMissing = () => badRequest('duty.list_item_invalid', '请填写「事项」', 'title');
