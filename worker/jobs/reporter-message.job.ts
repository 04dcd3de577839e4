import type { Job } from 'bullmq';
import { raiseReporterMessageAlert } from '../../src/alerts/raise-reporter-message-alert';
import { ReportMessageModel } from '../../src/db/models/report-message.model';
import { parsePayload, type JobContext, type Outcome } from '../job-context';

/** A reporter wrote after filing: the bots process stored the message; this tells whoever works the report. */
export async function processReporterMessage(job: Job, ctx: JobContext): Promise<Outcome> {
  const { reportId, messageId } = parsePayload('reporter_message', job.data);
  const message = await ReportMessageModel.findById(messageId, { at: 1 }).lean();
  const outcome = await raiseReporterMessageAlert(reportId, message?.at ?? new Date(), {
    cipher: ctx.cipher, queues: ctx.queues, adminBaseUrl: ctx.config.admin.baseUrl,
  });
  return { outcome };
}
