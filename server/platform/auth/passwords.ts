// Password hashing (argon2id) and the password policy: at least 8 characters of at least three kinds, not a common
// password (common-passwords.txt, also behind @→a, 0→o and a year or 123 around it), not made of the username or the
// person's name, and (checked by the caller against stored hashes) not one of the last five.
import fs from 'node:fs';
import { hash, verify } from '@node-rs/argon2';

// Algorithm 2 = argon2id.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

/** Argon2 verifications done by this process: tests check that every sign-in answer costs the same work. */
export const verificationCount = { value: 0 };

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  verificationCount.value++;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash no password matches, verified for unknown login names so they cost the same as real ones.
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`unknown-user-${Math.random()}`);
  return dummy;
}

const COMMON = new Set(
  fs
    .readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l && !l.startsWith('#')),
);

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', $: 's', '5': 's' };

/** The word inside a password: lower case, digits and symbols around it removed, common substitutions undone. */
function core(password: string): string {
  const lower = password.toLowerCase();
  const m = lower.match(/^[^a-z]*(.*?[a-z])[^a-z]*$/);
  return (m ? m[1] : lower).replace(/[@40!1$35]/g, (c) => LEET[c]);
}

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const word = core(password);
  return COMMON.has(lower) || COMMON.has(word) || COMMON.has(core(lower.replace(/[@40!1$35]/g, (c) => LEET[c])));
}

/** Returns a Chinese reason when the password is too weak, else null. */
export function checkPasswordPolicy(
  password: string,
  person: { username?: string | null; name?: string | null } = {},
): string | null {
  if (password.length < 8) return '密码至少需要 8 个字符';
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (kinds < 3) return '密码需包含大写字母、小写字母、数字、符号中的至少三种';
  if (isCommonPassword(password)) return '密码过于常见，容易被猜中，请换一个';
  const lower = password.toLowerCase();
  const username = person.username?.trim().toLowerCase();
  if (username && username.length >= 3 && (lower.includes(username) || core(password) === core(username)))
    return '密码不能包含用户名';
  const name = person.name?.trim().toLowerCase();
  if (name && name.length >= 2 && lower.includes(name)) return '密码不能包含姓名';
  return null;
}
