// The errors the proposal module throws in more than one place, as named factories with stable ids and Chinese text.
import { badRequest, conflict, notFound } from '../../platform/errors.ts';

export const proposalNotFound = () => notFound('proposal.not_found', '提案不存在');

export const replyNotFound = () => notFound('proposal.reply_not_found', '答复不存在');

export const notKeyProposal = () => conflict('proposal.not_key', '该提案不是重点提案');

/** Key proposals, commendation and publication are for registered proposals only; `what` completes the sentence. */
export const notRegistered = (what: string) => conflict('proposal.not_registered', `只有已立案的提案可以${what}`);

/** 400 proposal.title_required: 案由 left empty. */
export const titleRequired = () => badRequest('proposal.title_required', '「案由」不能为空', 'title');
