import { Schema, model, type InferSchemaType } from 'mongoose';

// A blocked sender: their messages stop reaching the queue until `expiresAt`. Keyed by the reporter's keyed hash
// (the same one on their reports), so the intake can check it without any raw chat id.
const senderBlockSchema = new Schema({
  reporterHash: { type: String, required: true },
  reason: { type: String, required: true },
  expiresAt: { type: Date, required: true },
  by: { type: String, required: true },
  at: { type: Date, required: true, default: () => new Date() },
});

// One block per sender (blockSender upserts); the intake's isSenderBlocked looks it up by hash.
senderBlockSchema.index({ reporterHash: 1 }, { unique: true });
// The list of current blocks, soonest expiry first (listSenderBlocks).
senderBlockSchema.index({ expiresAt: 1 });

export type SenderBlock = InferSchemaType<typeof senderBlockSchema>;
export const SenderBlockModel = model('SenderBlock', senderBlockSchema);
