import { Schema, model } from 'mongoose';

// FerretDB 1.24 on SQLite applies a filtered update as read-then-write: measured here, two concurrent
// findOneAndUpdate({_id, status: 'queued'}) both succeed in 19 rounds of 20, and 50 concurrent $inc leave 5.
// An insert against a unique _id is atomic on FerretDB and MongoDB alike, so contested changes first take a slot.
const exclusiveSlotSchema = new Schema({
  _id: { type: String, required: true },
  at: { type: Date, required: true, default: () => new Date() },
});
// The sweeper finds old slots by when they were taken.
exclusiveSlotSchema.index({ at: 1 });

export const ExclusiveSlotModel = model('ExclusiveSlot', exclusiveSlotSchema);

/** How long a taken slot may wait for its change before another writer may assume its holder died. */
const STALE_AFTER_MS = 30_000;
/** Slots of sequence numbers (`nextInSequence`) are the record that a number was handed out: never swept. */
export const SEQUENCE_SLOT_PREFIX = 'seq:';
/** A revision's slot is of no use once its change is written or reclaimable: an hour leaves a wide margin. */
export const SWEEP_SLOTS_AFTER_MS = 3600_000;
const SWEEP_BATCH = 1000;

/**
 * True when this caller is the only one to get `key`. With `reclaimStale`, a slot left by a writer that died between
 * taking it and making its change is reclaimed once stale, so one crash never freezes a record.
 */
export async function takeExclusiveSlot(key: string, opts: { reclaimStale?: boolean } = {}, now = new Date()): Promise<boolean> {
  try {
    await ExclusiveSlotModel.create({ _id: key, at: now });
    return true;
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
  }
  if (!opts.reclaimStale) return false;
  const stale = await ExclusiveSlotModel.deleteOne({ _id: key, at: { $lt: new Date(now.getTime() - STALE_AFTER_MS) } });
  if (stale.deletedCount !== 1) return false;
  return takeExclusiveSlot(key, opts, now);
}

/**
 * Deletes slots taken more than `olderThanMs` ago (the sweeper's job; without it the collection grows by one slot per
 * contested write for ever), except sequence slots. A batch per run: a backlog shrinks over a few runs.
 */
export async function sweepStaleSlots(now = new Date(), olderThanMs = SWEEP_SLOTS_AFTER_MS): Promise<number> {
  const old = await ExclusiveSlotModel.find(
    { at: { $lt: new Date(now.getTime() - olderThanMs) }, _id: { $not: new RegExp(`^${SEQUENCE_SLOT_PREFIX}`) } },
    { _id: 1 },
  ).limit(SWEEP_BATCH).lean();
  if (!old.length) return 0;
  const { deletedCount } = await ExclusiveSlotModel.deleteMany({ _id: { $in: old.map((slot) => slot._id) } });
  return deletedCount;
}
