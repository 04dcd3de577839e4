import { Types } from 'mongoose';
import { BOUND, fieldOf } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';
import { ReportMessageModel, type ReportMessageStatus } from '../db/models/report-message.model';
import { ReportModel } from '../db/models/report.model';
import type { MediaKind } from '../intake/messages';

// The conversation on a filed report, from the reporter's side: what they write after filing, and the staff replies
// waiting for a web-chat reporter to come back.

export interface FollowUpReport {
  id: string;
  ticket: string;
  language: 'id' | 'en';
}

/**
 * The report a chat's message belongs to, given the chat's last filed report (from the intake's marker in Redis): that
 * report, unless it was rejected (spam or a test) since. One read by `_id`.
 */
export async function followUpReportOf(last: FollowUpReport): Promise<FollowUpReport | null> {
  const report = await ReportModel.findById(last.id, { status: 1 }).lean();
  return report && report.status !== 'rejected' ? last : null;
}

export interface ReporterMessageInput {
  text?: string;
  media?: { kind: MediaKind; mimeType: string; size: number; sha256: string; storageKey: string };
  location?: { latitude: number; longitude: number };
}

/** Stores what the reporter wrote, encrypted, as the report's next `in` message; the report's timeline notes it. */
export async function recordReporterMessage(reportId: string, input: ReporterMessageInput, cipher: FieldCipher, at: Date): Promise<string> {
  const _id = new Types.ObjectId();
  const bind = (path: string) => fieldOf(BOUND.reportMessages, _id, path);
  const message = await ReportMessageModel.create({
    _id, reportId, direction: 'in', by: 'reporter', status: 'received', at,
    text: cipher.encrypt(input.text ?? '', bind('text')),
    media: input.media,
    location: input.location ? cipher.encrypt(`${input.location.latitude},${input.location.longitude}`, bind('location')) : undefined,
  });
  await ReportModel.updateOne({ _id: reportId }, { $push: { events: { type: 'reporter_message', actor: 'reporter', at } } });
  return String(message._id);
}

export interface WaitingReply {
  id: string;
  text: string;
  ticket: string;
}

/** Staff replies kept for a web-chat reporter whose chat was closed, oldest first, decrypted for the returning chat. */
export async function listWaitingReplies(reporterHash: string, cipher: FieldCipher): Promise<WaitingReply[]> {
  const reports = await ReportModel.find({ reporterHash }, { ticket: 1 }).sort({ receivedAt: -1 }).limit(10).lean();
  if (!reports.length) return [];
  const tickets = new Map(reports.map((r) => [String(r._id), r.ticket]));
  const waiting = await ReportMessageModel.find({ reportId: { $in: reports.map((r) => r._id) }, direction: 'out', status: 'waiting' })
    .sort({ at: 1 }).lean();
  return waiting.map((m) => ({ id: String(m._id), text: cipher.decrypt(m.text, fieldOf(BOUND.reportMessages, m._id, 'text')), ticket: tickets.get(String(m.reportId)) ?? '' }));
}

export async function markReplyShown(messageId: string, status: Extract<ReportMessageStatus, 'delivered'> = 'delivered'): Promise<void> {
  await ReportMessageModel.updateOne({ _id: messageId }, { $set: { status } });
}
