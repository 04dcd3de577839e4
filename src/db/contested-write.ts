import type { Model, Types } from 'mongoose';
import { takeExclusiveSlot } from './models/exclusive-slot.model';

// The one way a contested change reaches a record (a report, a case, a user): read it by `_id`, decide in code, then
// write the next revision here. Every such record has a `revision` (default 0; one stored before it existed counts
// as 0) and every writer of it goes through this module, so each revision is left by one writer only.
//
// Two guards, because either alone fails here:
// - the exclusive slot `<kind>:<id>:<revision>` (a unique insert, atomic on FerretDB and MongoDB alike): FerretDB 1.24
//   applies a filtered update as read-then-write, so two writers filtering on the same revision both "win";
// - the filter `{_id, revision}`: a slot left by a writer that died is reclaimed once stale (30 s), so a writer that
//   only stalled (GC, a lost connection, a full disk) still believes it holds the revision; the filter makes its late
//   write match nothing once another writer has moved the record on.
// On FerretDB the filter is itself read-then-write, so a stalled writer whose write lands in the same few milliseconds
// as the reclaiming writer's could still slip through; on MongoDB the filter alone is atomic. Its price on FerretDB
// with SQLite: only a lone `_id` filter is looked up by key, so this update reads the whole collection (README, "The
// database"). Checking the revision in code before an `_id`-only write would be cheaper but not safe: the stall can
// fall between that check and the write just as well.
//
// Moving to MongoDB 7's own atomic updates (no FerretDB in development and CI): drop the slot, keep the filter; the
// callers do not change, and `sweepStaleSlots` then has nothing left to do for revisions.

export interface RevisionedUpdate {
  $set?: Record<string, unknown>;
  $unset?: Record<string, 1>;
  $push?: Record<string, unknown>;
  $addToSet?: Record<string, unknown>;
}

export interface Revisioned {
  _id: Types.ObjectId | string;
  revision?: number | null;
}

/**
 * Writes `update` over the revision of a record the caller has just read and checked, if no other writer left that
 * revision first. Returns the written record, or null when another writer took the revision (read again and decide
 * again). `now` is the writer's clock when it takes the slot (tests move it past the stale time).
 */
export async function writeNextRevision<T>(
  model: Model<T>,
  kind: string,
  current: Revisioned,
  update: RevisionedUpdate,
  now = new Date(),
) {
  const revision = current.revision ?? 0;
  if (!(await takeExclusiveSlot(`${kind}:${String(current._id)}:${revision}`, { reclaimStale: true }, now))) return null;
  return model.findOneAndUpdate(
    // `revision: 0` would not match a record stored before revisions existed (no field): null matches a missing one.
    { _id: current._id, revision: revision === 0 ? { $in: [0, null] } : revision },
    { ...update, $set: { ...update.$set, revision: revision + 1 } },
    { returnDocument: 'after' },
  );
}

/** How many times a caller that lost a revision reads, decides and writes again before giving up. */
const CONTESTED_ATTEMPTS = 8;

/**
 * The pause before attempt `attempt` (0: none). The winner of a revision may hold its slot without having written yet
 * (on FerretDB with SQLite its filtered update reads the collection): reading again at once finds the same revision.
 */
function waitBeforeAttempt(attempt: number): Promise<void> {
  return attempt === 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, 25 * attempt));
}

export interface ChangeRecordOptions<T> {
  /** The record as the caller has just read it (lean, by `_id`): the first attempt decides on it, without reading again. */
  first?: T & Revisioned;
  /** The fields `decide` needs (with `revision`): what every attempt's read fetches. Default: the whole record. */
  projection?: Record<string, 1>;
}

/**
 * Read, decide, write the next revision; when another writer left that revision first, read again and decide again, so
 * a change decided on a stale read is never written. `decide` may throw to refuse. 'missing' when there is no such
 * record (or the id is not one), 'contested' when it stayed contested for every attempt.
 */
export async function changeRecord<T>(
  model: Model<T>,
  kind: string,
  id: unknown,
  decide: (current: T & Revisioned) => RevisionedUpdate,
  opts: ChangeRecordOptions<T> = {},
) {
  for (let attempt = 0; attempt < CONTESTED_ATTEMPTS; attempt++) {
    await waitBeforeAttempt(attempt);
    const current = attempt === 0 && opts.first
      ? opts.first
      : ((await model.findById(id, opts.projection).lean().catch(() => null)) as (T & Revisioned) | null);
    if (!current) return 'missing' as const;
    const written = await writeNextRevision(model, kind, current, decide(current));
    if (written) return written;
  }
  return 'contested' as const;
}
