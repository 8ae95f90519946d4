// Named error factories of the reading module: stable ids, Chinese messages, the field they concern.
import { badRequest, conflict, notFound } from '../../platform/errors.ts';

export const groupNotFound = () => notFound('reading.group_not_found', '读书群不存在');
export const listNotFound = () => notFound('reading.list_not_found', '书目不存在');
export const bookNotFound = () => notFound('reading.book_not_found', '图书不存在');
export const sessionNotFound = () => notFound('reading.session_not_found', '分享活动不存在');
export const noteNotFound = () => notFound('reading.note_not_found', '读书笔记不存在');
export const badMembers = () => badRequest('reading.members', '所选委员不存在或已不在本届', 'memberIds');
export const leadNotMember = () => badRequest('reading.lead', '领读人须是本群成员', 'leadMemberId');
export const dutyNotMember = () => badRequest('reading.duty', '轮值分享人须是本群成员', 'dutyMemberId');
export const listExists = () => conflict('reading.list_exists', '该期书目已存在');
export const notLead = () => badRequest('reading.not_lead', '只有领读人或工作人员可以安排轮值分享');
export const notInGroup = () => badRequest('reading.not_in_group', '只有本群成员可以发布读书笔记');
export const notMember = () => badRequest('reading.not_member', '只有委员本人可以发布读书笔记');
export const badBook = () => badRequest('reading.book', '所选图书不存在', 'bookId');
export const handoutTarget = () =>
  badRequest('reading.handout_target', '请选择要发放的图书或整期书目（二选一）', 'bookId');
export const handoutRecipient = () =>
  badRequest('reading.handout_recipient', '每条发放记录请选择一位委员或一个读书群（二选一）', 'items');
export const badGroups = () => badRequest('reading.groups', '所选读书群不存在', 'items');
