import { UnrecoverableError, type Job } from 'bullmq';
import { AlertModel } from '../../src/db/models/alert.model';
import { sendAlertByTelegram } from '../../src/alerts/send-alert';
import { parsePayload, type JobContext, type Outcome } from '../job-context';
import { handleTelegramError } from '../telegram-errors';

export async function processOutbound(job: Job, ctx: JobContext): Promise<Outcome> {
  const { alertId } = parsePayload('outbound', job.data);
  const markFailed = (lastError: string) => AlertModel.updateOne({ _id: alertId }, { $set: { status: 'failed', lastError } }).then(() => undefined);
  if (!ctx.telegram) {
    await markFailed('TELEGRAM_BOT_TOKEN is not set');
    throw new UnrecoverableError('TELEGRAM_BOT_TOKEN is not set: Telegram alerts cannot be sent');
  }
  try {
    return await sendAlertByTelegram(alertId, { cipher: ctx.cipher, telegram: ctx.telegram, pending: ctx.pendingAlerts, hasher: ctx.hasher });
  } catch (err) {
    return handleTelegramError(err, ctx.queues.outbound, markFailed);
  }
}
