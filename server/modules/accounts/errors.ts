// The accounts module's errors that other modules raise too: one id, one meaning, one place.
import { badRequest } from '../../platform/errors.ts';

/** 400 account.duplicate: the sign-in name is used by another account (names are unique across the platform). */
export const usernameTaken = (label: string, username: string, field: string) =>
  badRequest('account.duplicate', `「${label}」${username} 已被使用`, field);
