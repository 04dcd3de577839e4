import { UserModel, type UserDocument } from '../db/models/user.model';
import { hashPassword, passwordProblem } from './passwords';
import type { StaffRole } from './roles';

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,40}$/;

export class UserError extends Error {}

export async function createUser(input: {
  username: string;
  role: StaffRole;
  password: string;
  displayName?: string;
  mustChangePassword?: boolean;
}): Promise<UserDocument> {
  const username = input.username.toLowerCase();
  if (!USERNAME_PATTERN.test(username)) throw new UserError('username: 3–40 of a-z 0-9 . _ -');
  const problem = passwordProblem(input.password, username);
  if (problem) throw new UserError(`password: ${problem}`);
  if (await UserModel.exists({ username })) throw new UserError(`username ${username} is taken`);
  return UserModel.create({
    username,
    displayName: input.displayName ?? username,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    mustChangePassword: input.mustChangePassword ?? true,
  });
}

/** Sets a new password; `mustChange` forces another change at next sign-in. Ends every session of the user. */
export async function setPassword(username: string, password: string, mustChange: boolean): Promise<UserDocument> {
  const problem = passwordProblem(password, username);
  if (problem) throw new UserError(`password: ${problem}`);
  const user = await UserModel.findOneAndUpdate(
    { username: username.toLowerCase() },
    {
      $set: { passwordHash: await hashPassword(password), mustChangePassword: mustChange },
      $inc: { sessionVersion: 1 },
    },
    { returnDocument: 'after' },
  );
  if (!user) throw new UserError(`no user ${username}`);
  return user;
}

export async function signOutEverywhere(userId: string): Promise<void> {
  await UserModel.updateOne({ _id: userId }, { $inc: { sessionVersion: 1 } });
}
