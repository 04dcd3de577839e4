import { changeRecord, type RevisionedUpdate } from '../db/contested-write';
import { UserModel, type User, type UserDocument } from '../db/models/user.model';
import { UserError } from './user-error';

export type UserSnapshot = User & { _id: UserDocument['_id'] };

/**
 * The one way a change reaches a staff account: read it, let `decide` check it and build the change (or throw a
 * UserError), write the next revision (contested-write.ts); when another writer left that revision first, read again
 * and decide again. Null when there is no such account.
 */
export async function changeUser(userId: string, decide: (current: UserSnapshot) => RevisionedUpdate): Promise<UserDocument | null> {
  const outcome = await changeRecord(UserModel, 'user', userId, (current) => decide(current as UserSnapshot));
  if (outcome === 'missing') return null;
  if (outcome === 'contested') throw new UserError('akun ini sedang diubah orang lain; muat ulang');
  return outcome as unknown as UserDocument; // changeRecord's generic document type is this document
}

/**
 * The session version after this change: sessions carrying an older one are dead. Written as a value on the revision
 * read (not `$inc`, which loses increments on FerretDB), so it only ever goes up.
 */
export function nextSessionVersion(current: UserSnapshot): number {
  return (current.sessionVersion ?? 1) + 1;
}
