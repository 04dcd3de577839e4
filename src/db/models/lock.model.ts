import { Schema, model } from 'mongoose';

// Mutual exclusion by unique `_id`. FerretDB 1.24 does not make a status-guarded findOneAndUpdate atomic under
// concurrency (measured: two simultaneous claims both "won"), but a duplicate `_id` insert is always refused, on
// FerretDB and MongoDB alike. So whoever inserts the key first holds it.
const lockSchema = new Schema({
  _id: { type: String, required: true },
  holder: { type: String, required: true },
  at: { type: Date, required: true, default: () => new Date() },
});

export const LockModel = model('Lock', lockSchema);

/** True when this call took the key; false when someone already holds it. */
export async function acquireLock(key: string, holder: string): Promise<boolean> {
  try {
    await LockModel.create({ _id: key, holder });
    return true;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return false;
    throw err;
  }
}

export async function lockHolder(key: string): Promise<{ holder: string; at: Date } | null> {
  return LockModel.findById(key, { holder: 1, at: 1 }).lean();
}

export async function releaseLock(key: string, holder?: string): Promise<void> {
  await LockModel.deleteOne(holder ? { _id: key, holder } : { _id: key });
}
