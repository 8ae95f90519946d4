// Password hashing (argon2id) and the password policy: at least 8 characters of at least three kinds.
import { hash, verify } from '@node-rs/argon2';

// Algorithm 2 = argon2id.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Returns a Chinese reason when the password is too weak, else null. */
export function checkPasswordPolicy(password: string): string | null {
  if (password.length < 8) return '密码至少需要 8 个字符';
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (kinds < 3) return '密码需包含大写字母、小写字母、数字、符号中的至少三种';
  return null;
}
