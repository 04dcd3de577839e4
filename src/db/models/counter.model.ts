import { Schema, model } from 'mongoose';

// Named sequences (case numbers per year), advanced atomically with $inc; `_id` is the sequence name.
const counterSchema = new Schema({ _id: { type: String, required: true }, seq: { type: Number, required: true, default: 0 } });

export const CounterModel = model('Counter', counterSchema);

export async function nextInSequence(name: string): Promise<number> {
  const counter = await CounterModel.findOneAndUpdate({ _id: name }, { $inc: { seq: 1 } }, { upsert: true, new: true });
  return counter.seq;
}
