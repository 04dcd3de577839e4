import { recordAuditEvent, type Actor } from '../audit/record-audit-event';
import { Types } from 'mongoose';
import { BOUND, fieldOf } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';
import { ReportMessageModel } from '../db/models/report-message.model';
import { ReportModel, type Report } from '../db/models/report.model';
import { enqueue, type Queues } from '../queue/queues';

/** Anonymous reporters left no address: a reply can only reach them while their chat is open, which the bots own. */
// Walk-in and phone reporters have a desk reference, not a chat: staff call them back by hand.
export function canReplyTo(report: Pick<Report, 'replyAddress' | 'status' | 'channel'>): boolean {
  if (report.channel === 'walk_in' || report.channel === 'phone') return false;
  return Boolean(report.replyAddress) && report.status !== 'rejected' && report.status !== 'merged';
}

/** Stores the reply encrypted, then queues its id for the reporter's channel. */
export async function replyToReporter(reportId: string, text: string, actor: Actor, cipher: FieldCipher, queues: Partial<Queues>) {
  const report = await ReportModel.findById(reportId, { replyAddress: 1, status: 1, ticket: 1, channel: 1 }).lean();
  if (!report || !canReplyTo(report)) return { ok: false as const };
  const _id = new Types.ObjectId();
  const message = await ReportMessageModel.create({
    _id, reportId: report._id, direction: 'out', text: cipher.encrypt(text, fieldOf(BOUND.reportMessages, _id, 'text')), by: actor.id, status: 'queued',
  });
  await enqueue(queues, 'staff_reply', { reportId: String(report._id), messageId: String(message._id) });
  await ReportModel.updateOne({ _id: report._id }, { $push: { events: { type: 'reply', actor: actor.id, at: new Date() } } });
  await recordAuditEvent(actor, { action: 'report.reply', subjectType: 'report', subjectId: String(report._id), details: { ticket: report.ticket } });
  return { ok: true as const, messageId: String(message._id) };
}
