// The org module's errors that other modules raise too: one id, one meaning, one place.
import { notFound } from '../../platform/errors.ts';

/** 404 member.not_found: no member with that id in the session's committee. */
export const memberNotFound = () => notFound('member.not_found', '委员不存在');
