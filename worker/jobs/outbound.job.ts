import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { AlertModel } from '../../src/db/models/alert.model';
import { sendAlertByTelegram } from '../../src/alerts/send-alert';
import { parsePayload, type JobContext, type Outcome } from '../job-context';

export async function processOutbound(job: Job, ctx: JobContext): Promise<Outcome> {
  const { alertId } = parsePayload('outbound', job.data);
  if (!ctx.telegram) {
    await AlertModel.updateOne({ _id: alertId }, { $set: { status: 'failed', lastError: 'TELEGRAM_BOT_TOKEN is not set' } });
    throw new UnrecoverableError('TELEGRAM_BOT_TOKEN is not set: Telegram alerts cannot be sent');
  }
  try {
    return await sendAlertByTelegram(alertId, { cipher: ctx.cipher, telegram: ctx.telegram });
  } catch (err) {
    const telegramError = err as { code?: number; parameters?: { retry_after?: number }; description?: string };
    if (telegramError.code === 429) {
      // Telegram said "slow down": pause the whole outbound queue for as long as it asked, then retry this job.
      await ctx.queues.outbound!.rateLimit((telegramError.parameters?.retry_after ?? 1) * 1000);
      throw Worker.RateLimitError();
    }
    // 400/403: a wrong chat id or a blocked bot will not fix itself.
    if (telegramError.code === 400 || telegramError.code === 403) {
      await AlertModel.updateOne({ _id: alertId }, { $set: { status: 'failed', lastError: telegramError.description } });
      throw new UnrecoverableError(`Telegram refused the alert: ${telegramError.description ?? telegramError.code}`);
    }
    throw err;
  }
}
