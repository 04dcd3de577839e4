import { Schema, model } from 'mongoose';
import { SEQUENCE_SLOT_PREFIX, takeExclusiveSlot } from './exclusive-slot.model';

// Named sequences (case numbers per year); `_id` is the sequence name, `seq` the last number handed out.
const counterSchema = new Schema({ _id: { type: String, required: true }, seq: { type: Number, required: true, default: 0 } });

export const CounterModel = model('Counter', counterSchema);

/**
 * The next number of a sequence, never handed out twice. Each number is an exclusive slot (not `$inc`, which loses
 * increments on FerretDB); `seq` only speeds up the search for the next free one. Not a revisioned write
 * (contested-write.ts): a number's slot stays taken for ever (never reclaimed, never swept), so two callers can never
 * hold the same number, and the loser moves on to the next number instead of reading and retrying.
 */
export async function nextInSequence(name: string): Promise<number> {
  const counter = await CounterModel.findById(name).lean();
  let candidate = (counter?.seq ?? 0) + 1;
  while (!(await takeExclusiveSlot(`${SEQUENCE_SLOT_PREFIX}${name}:${candidate}`))) candidate++;
  await CounterModel.updateOne({ _id: name, seq: { $lt: candidate } }, { $set: { seq: candidate } }, { upsert: true })
    .catch((err: { code?: number }) => {
      if (err.code !== 11000) throw err; // a concurrent upsert created the counter first: the number is still ours
    });
  return candidate;
}
