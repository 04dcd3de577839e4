import { Schema, model, type InferSchemaType } from 'mongoose';
import { mediaSchema } from './media.schema';

// The conversation between staff and a reporter after the report was filed. Text is (enc); the outbound job carries
// only the message id, so no reply text ever sits in Redis.

/**
 * A staff reply (`out`): `queued` until a channel takes it; `sent` handed to Telegram/WhatsApp; `delivered` shown in
 * the reporter's open web chat; `waiting` stored for a web-chat reporter whose chat is closed (shown when the same chat
 * session comes back); `failed`. What a reporter wrote after filing (`in`) is `received`.
 */
export const REPORT_MESSAGE_STATUSES = ['queued', 'sent', 'delivered', 'waiting', 'failed', 'received'] as const;
export type ReportMessageStatus = (typeof REPORT_MESSAGE_STATUSES)[number];


const reportMessageSchema = new Schema({
  reportId: { type: Schema.Types.ObjectId, required: true },
  direction: { type: String, enum: ['in', 'out'], required: true },
  text: { type: String, required: true }, // (enc) a file's caption, or "" encrypted
  by: { type: String, required: true }, // staff user id, or "reporter"
  status: { type: String, enum: REPORT_MESSAGE_STATUSES, required: true },
  /** A photo, voice note or document the reporter sent after filing: encrypted in the media store like the report's. */
  media: mediaSchema,
  /** (enc) "lat,lon" when the reporter shared a location after filing. */
  location: String,
  at: { type: Date, required: true, default: () => new Date() },
});

// The report page shows one report's conversation in order (listReportMessages).
reportMessageSchema.index({ reportId: 1, at: 1 });

export type ReportMessage = InferSchemaType<typeof reportMessageSchema>;
export const ReportMessageModel = model('ReportMessage', reportMessageSchema);
