import type { Types } from 'mongoose';
import { BOUND, fieldOf } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';
import { ReportMessageModel, type ReportMessageStatus } from '../db/models/report-message.model';

/** One line of a report's conversation as the report page shows it. */
export interface ConversationLine {
  id: string;
  direction: 'in' | 'out';
  at: Date;
  status: ReportMessageStatus;
  /** Staff user id, or "reporter". */
  by: string;
  /** What kind of file came with it, if any (not personal: shown masked too). */
  mediaKind?: string;
  hasLocation: boolean;
  /** Decrypted only when the report is revealed in this session; otherwise absent. */
  text?: string;
  location?: string;
}

/**
 * A report's conversation in order, both directions. Delivery state, direction and time are not personal and are
 * always shown (so a reply that could not reach the reporter is seen without revealing anything); the words, the
 * shared place and the files only once the report is revealed (the reveal is the audited view).
 */
export async function listReportConversation(reportId: Types.ObjectId | string, opts: { revealed: boolean; cipher: FieldCipher }): Promise<ConversationLine[]> {
  const messages = await ReportMessageModel.find({ reportId }).sort({ at: 1 }).lean();
  return messages.map((m) => ({
    id: String(m._id),
    direction: m.direction,
    at: m.at,
    status: m.status,
    by: m.by,
    mediaKind: m.media?.kind,
    hasLocation: Boolean(m.location),
    text: opts.revealed ? opts.cipher.decrypt(m.text, fieldOf(BOUND.reportMessages, m._id, 'text')) : undefined,
    location: opts.revealed && m.location ? opts.cipher.decrypt(m.location, fieldOf(BOUND.reportMessages, m._id, 'location')) : undefined,
  }));
}

/** The stored file of one conversation message, for the authorised media stream. */
export async function conversationMediaOf(reportId: string, messageId: string) {
  const message = await ReportMessageModel.findById(messageId, { reportId: 1, media: 1 }).lean();
  if (!message?.media || String(message.reportId) !== reportId) return null;
  return message.media;
}
