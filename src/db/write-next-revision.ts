import type { Model, Types } from 'mongoose';
import { takeExclusiveSlot } from './models/exclusive-slot.model';

export interface RevisionedUpdate {
  $set?: Record<string, unknown>;
  $unset?: Record<string, 1>;
  $push?: Record<string, unknown>;
  $addToSet?: Record<string, unknown>;
}

/**
 * Writes `update` over the revision of a document the caller has just read and checked, if no other writer left
 * that revision first. FerretDB 1.24 applies a filtered update as read-then-write (two guarded updates of one
 * document both "win"), so the exclusive slot of `<kind>:<id>:<revision>` decides; the write itself filters by `_id`
 * only, the one filter FerretDB answers without reading every document. Returns the written document, or null when
 * another writer took the revision (read again and decide again).
 */
export async function writeNextRevision<T>(
  model: Model<T>,
  kind: string,
  current: { _id: Types.ObjectId | string; revision?: number | null },
  update: RevisionedUpdate,
) {
  const revision = current.revision ?? 0;
  if (!(await takeExclusiveSlot(`${kind}:${String(current._id)}:${revision}`, { reclaimStale: true }))) return null;
  return model.findByIdAndUpdate(current._id, { ...update, $set: { ...update.$set, revision: revision + 1 } }, { returnDocument: 'after' });
}
