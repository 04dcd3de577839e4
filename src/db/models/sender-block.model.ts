import { Schema, model, type InferSchemaType } from 'mongoose';

// A blocked sender: their messages stop reaching the queue until `expiresAt`. Keyed by the reporter's keyed hash
// (the same one on their reports) as `_id`: the intake checks every inbound message, and an `_id` look-up is the one
// FerretDB answers without reading every block (measured: 36 ms a message under load as a field query).
const senderBlockSchema = new Schema({
  /** The reporter's keyed hash. */
  _id: { type: String, required: true },
  reason: { type: String, required: true },
  expiresAt: { type: Date, required: true },
  by: { type: String, required: true },
  at: { type: Date, required: true, default: () => new Date() },
});

// The list of current blocks, soonest expiry first.
senderBlockSchema.index({ expiresAt: 1 });

export type SenderBlock = InferSchemaType<typeof senderBlockSchema>;
export const SenderBlockModel = model('SenderBlock', senderBlockSchema);
