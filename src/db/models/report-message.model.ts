import { Schema, model, type InferSchemaType } from 'mongoose';

// The conversation between staff and a reporter after the report was filed. Text is (enc); the outbound job carries
// only the message id, so no reply text ever sits in Redis.
const reportMessageSchema = new Schema({
  reportId: { type: Schema.Types.ObjectId, required: true },
  direction: { type: String, enum: ['in', 'out'], required: true },
  text: { type: String, required: true }, // (enc)
  by: { type: String, required: true }, // staff user id, or "reporter"
  status: { type: String, enum: ['queued', 'sent', 'failed', 'received'], required: true },
  at: { type: Date, required: true, default: () => new Date() },
});

// The report page shows one report's conversation in order (listReportMessages).
reportMessageSchema.index({ reportId: 1, at: 1 });

export type ReportMessage = InferSchemaType<typeof reportMessageSchema>;
export const ReportMessageModel = model('ReportMessage', reportMessageSchema);
