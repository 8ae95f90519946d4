// Named error factories of the opinion module: stable ids, Chinese messages.
import { badRequest, notFound } from '../../platform/errors.ts';

export const reportNotFound = () => notFound('opinion.not_found', '社情民意信息不存在');

/** 404 opinion.referral_not_found: no such 转办, or not this unit's. */
export const referralNotFound = () => notFound('opinion.referral_not_found', '转办记录不存在');

/** 400 opinion.title_required: 标题 left empty. */
export const titleRequired = () => badRequest('opinion.title_required', '「标题」不能为空', 'title');

/** 400 opinion.body_required: 正文 left empty; `field` names the input that carries it. */
export const bodyRequired = (field = 'body') => badRequest('opinion.body_required', '「正文」不能为空', field);
