import { UserModel } from '../db/models/user.model';
import type { StaffRole } from './roles';

export interface StaffEntry {
  id: string;
  username: string;
  displayName: string;
  role: string;
}

/** Active staff of the given roles, by name: the people a case can be assigned to. */
export async function listActiveStaff(roles: readonly StaffRole[]): Promise<StaffEntry[]> {
  const users = await UserModel.find({ active: true, role: { $in: roles } }, { username: 1, displayName: 1, role: 1 }).sort({ displayName: 1 }).lean();
  return users.map((u) => ({ id: String(u._id), username: u.username, displayName: u.displayName, role: u.role }));
}

/** Display names of the given user ids (unknown ids are left out). */
export async function displayNamesOf(ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string' && /^[a-f0-9]{24}$/.test(id)))];
  if (!wanted.length) return new Map();
  const users = await UserModel.find({ _id: { $in: wanted } }, { displayName: 1 }).lean();
  return new Map(users.map((u) => [String(u._id), u.displayName]));
}
