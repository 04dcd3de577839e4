import { Schema, model } from 'mongoose';

// FerretDB 1.24 on SQLite applies a filtered update as read-then-write: measured here, two concurrent
// findOneAndUpdate({_id, status: 'queued'}) both succeed in 19 rounds of 20, and 50 concurrent $inc leave 5.
// An insert against a unique _id is atomic on FerretDB and MongoDB alike, so contested changes first take a slot.
const exclusiveSlotSchema = new Schema({
  _id: { type: String, required: true },
  at: { type: Date, required: true, default: () => new Date() },
});

export const ExclusiveSlotModel = model('ExclusiveSlot', exclusiveSlotSchema);

/** How long a taken slot may wait for its change before another writer may assume its holder died. */
const STALE_AFTER_MS = 30_000;

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
