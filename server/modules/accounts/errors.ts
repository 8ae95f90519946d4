// The accounts module's errors that other modules raise too: one id, one meaning, one place.
import { badRequest, notFound } from '../../platform/errors.ts';

/** 400 account.duplicate: the sign-in name is used by another account (names are unique across the platform). */
export const usernameTaken = (label: string, username: string, field: string) =>
  badRequest('account.duplicate', `「${label}」${username} 已被使用`, field);

/** 404 account.not_found: no such account in the session's committee. */
export const accountNotFound = () => notFound('account.not_found', '账号不存在');
