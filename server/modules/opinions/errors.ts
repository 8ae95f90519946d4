// Named error factories of the opinion module: stable ids, Chinese messages.
import { notFound } from '../../platform/errors.ts';

export const reportNotFound = () => notFound('opinion.not_found', '社情民意信息不存在');
