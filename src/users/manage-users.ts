import { UserModel, type UserDocument } from '../db/models/user.model';
import { hashPassword, passwordProblem } from './passwords';
import type { StaffRole } from './roles';
import { changeUser, nextSessionVersion } from './change-user';
import { UserError } from './user-error';

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,40}$/;

export { UserError };

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
  const found = await UserModel.findOne({ username: username.toLowerCase() }, { _id: 1 }).lean();
  const passwordHash = await hashPassword(password);
  const user = found && (await changeUser(String(found._id), (current) => ({
    $set: { passwordHash, mustChangePassword: mustChange, sessionVersion: nextSessionVersion(current) },
  })));
  if (!user) throw new UserError(`no user ${username}`);
  return user;
}

export async function signOutEverywhere(userId: string): Promise<void> {
  await changeUser(userId, (current) => ({ $set: { sessionVersion: nextSessionVersion(current) } }));
}
