import { UserModel, type UserDocument } from '../db/models/user.model';
import { USERNAME_PATTERN } from './manage-users';
import { verifyPassword } from './passwords';
import { changeUser } from './change-user';
import type { SignInThrottle } from './sign-in-throttle';
import { UserError } from './user-error';

export type SignInResult =
  | { ok: true; user: UserDocument }
  | { ok: false; reason: 'bad_credentials' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

// A hash of a random password with the same argon2id parameters as real ones (64 MiB, t=3, p=4), verified against
// when the name is unknown or inactive, so the answer's timing does not reveal which names exist.
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$i7TiNBX7RDLzo28NjDbRVg$ozke6R++XO6hRoS47Dxlwwx7ug1V0T+/w7oYFFr9p20';

/** Checks a name and password, nothing else: unknown and known names cost the same argon2 verification. */
export async function checkCredentials(username: string, password: string): Promise<UserDocument | undefined> {
  const name = username.trim().toLowerCase();
  // A name no account can have is unknown without asking the database: PostgreSQL under FerretDB refuses some
  // characters in a query (a NUL: "unsupported Unicode escape sequence"), which would answer 500 instead of 401.
  const user = USERNAME_PATTERN.test(name) ? await UserModel.findOne({ username: name, active: true }) : null;
  const right = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  return user && right ? user : undefined;
}

/**
 * One sign-in attempt from `source` (the client's address): reserved against the throttle before the password is
 * checked, so parallel guesses cannot outrun the limit. Wrong and unknown give the same answer.
 */
export async function signIn(
  throttle: SignInThrottle,
  attempt: { username: string; password: string; source: string },
  now = new Date(),
): Promise<SignInResult> {
  const reservation = await throttle.reserve(attempt.username, attempt.source);
  if (!reservation.ok) return { ok: false, reason: 'throttled', retryAfterSeconds: reservation.retryAfterSeconds };
  const user = await checkCredentials(attempt.username, attempt.password);
  if (!user) return { ok: false, reason: 'bad_credentials' };
  await reservation.succeeded();
  // Informational: a sign-in never fails because the account was being changed at that moment.
  await changeUser(String(user._id), () => ({ $set: { lastLoginAt: now } })).catch((err: unknown) => {
    if (!(err instanceof UserError)) throw err;
  });
  return { ok: true, user };
}
