import { UserModel, type UserDocument } from '../db/models/user.model';
import { verifyPassword } from './passwords';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export type SignInResult =
  | { ok: true; user: UserDocument }
  | { ok: false; reason: 'bad_credentials' | 'locked'; lockedUntil?: Date };

// A hash of a random password, verified against when the user does not exist, so timing does not reveal usernames.
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$i7TiNBX7RDLzo28NjDbRVg$ozke6R++XO6hRoS47Dxlwwx7ug1V0T+/w7oYFFr9p20';

/** Checks username and password, counting failures; the fifth failure in a row locks the account for a while. */
export async function signIn(username: string, password: string, now = new Date()): Promise<SignInResult> {
  const user = await UserModel.findOne({ username: username.toLowerCase(), active: true });
  if (!user) {
    await verifyPassword(DUMMY_HASH, password);
    return { ok: false, reason: 'bad_credentials' };
  }
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: 'locked', lockedUntil: user.lockedUntil };
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failed = await UserModel.findOneAndUpdate({ _id: user._id }, { $inc: { failedLogins: 1 } }, { returnDocument: 'after' });
    if (failed && failed.failedLogins >= MAX_FAILED_LOGINS) {
      const lockedUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
      await UserModel.updateOne({ _id: user._id }, { $set: { lockedUntil, failedLogins: 0 } });
      return { ok: false, reason: 'locked', lockedUntil };
    }
    return { ok: false, reason: 'bad_credentials' };
  }
  await UserModel.updateOne({ _id: user._id }, { $set: { failedLogins: 0, lastLoginAt: now }, $unset: { lockedUntil: 1 } });
  return { ok: true, user };
}
