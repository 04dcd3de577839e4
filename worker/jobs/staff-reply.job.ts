import { UnrecoverableError, type Job } from 'bullmq';
import { ReportModel } from '../../src/db/models/report.model';
import { enqueue } from '../../src/queue/queues';
import { deliverStaffReplyByTelegram, handOverStaffReplyToWhatsapp, markStaffReplyFailed } from '../../src/reports/deliver-staff-reply';
import { parsePayload, type JobContext, type Outcome } from '../job-context';
import { handleTelegramError } from '../telegram-errors';

export async function processStaffReply(job: Job, ctx: JobContext): Promise<Outcome> {
  const { reportId, messageId } = parsePayload('staff_reply', job.data);
  const report = await ReportModel.findById(reportId, { channel: 1 }).lean();
  if (!report) throw new UnrecoverableError(`report ${reportId} not found`);
  if (report.channel === 'whatsapp') return handOverStaffReplyToWhatsapp(messageId, { cipher: ctx.cipher, queues: ctx.queues });
  // The web chat's open connections live in the bots process: it shows the reply there, or keeps it waiting.
  if (report.channel === 'whatsapp_cloud' || report.channel === 'webchat') {
    await enqueue(ctx.queues, 'channel_reply', { reportId, messageId });
    return { outcome: 'handed_over', channel: report.channel };
  }
  if (report.channel !== 'telegram') {
    await markStaffReplyFailed(messageId);
    throw new UnrecoverableError(`replies on ${report.channel} are not delivered by the worker`);
  }
  if (!ctx.telegram) {
    await markStaffReplyFailed(messageId);
    throw new UnrecoverableError('TELEGRAM_BOT_TOKEN is not set: the reply cannot be sent');
  }
  try {
    return await deliverStaffReplyByTelegram(messageId, { cipher: ctx.cipher, telegram: ctx.telegram });
  } catch (err) {
    return handleTelegramError(err, ctx.queues.outbound, () => markStaffReplyFailed(messageId));
  }
}
