import { ReportMessageModel } from '../db/models/report-message.model';
import type { Types } from 'mongoose';
import type { Report } from '../db/models/report.model';

/** WhatsApp Business (Cloud API) allows free-form replies only within 24 hours of the user's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 3600_000;

/** The approved template offered once the window is closed: it names the ticket only and invites a reply. */
export const REPLY_TEMPLATE = (ticket: string) => `Ada kabar baru tentang laporan ${ticket}. Balas pesan ini untuk membaca balasan petugas.`;

export type ReplyWindow = { kind: 'open' } | { kind: 'until'; until: Date } | { kind: 'template_only'; since: Date };

export async function replyWindowOf(report: Pick<Report, 'channel' | 'receivedAt'> & { _id: Types.ObjectId }, now = new Date()): Promise<ReplyWindow> {
  if (report.channel !== 'whatsapp_cloud') return { kind: 'open' };
  const last = await ReportMessageModel.findOne({ reportId: report._id, direction: 'in' }, { at: 1 }).sort({ at: -1 }).lean();
  const lastFromReporter = last?.at && last.at > report.receivedAt ? last.at : report.receivedAt;
  const until = new Date(lastFromReporter.getTime() + WHATSAPP_WINDOW_MS);
  return until > now ? { kind: 'until', until } : { kind: 'template_only', since: until };
}
