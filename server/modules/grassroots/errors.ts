// The grassroots module's errors raised in more than one place: one id, one text, one place.
import { notFound } from '../../platform/errors.ts';

/** 404 grassroots.session: no such 议事活动 in the session's committee. */
export const sessionNotFound = () => notFound('grassroots.session', '议事活动不存在');
