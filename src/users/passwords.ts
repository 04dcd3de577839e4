import argon2 from 'argon2';

// argon2id with the library's defaults (64 MiB, t=3): slow enough for stored hashes, fine for a handful of staff.
export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

/** A reason the password is too weak, or undefined when it is acceptable. */
export function passwordProblem(plain: string, username?: string): string | undefined {
  if (plain.length < MIN_PASSWORD_LENGTH) return `at least ${MIN_PASSWORD_LENGTH} characters`;
  if (plain.length > 200) return 'at most 200 characters';
  if (username && plain.toLowerCase().includes(username.toLowerCase())) return 'must not contain the username';
  return undefined;
}
