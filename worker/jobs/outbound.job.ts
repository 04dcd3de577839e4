import { UnrecoverableError, type Job } from 'bullmq';
import { recordAlertUnreached } from '../../src/alerts/escalate-now';
import { sendAlertByTelegram } from '../../src/alerts/send-alert';
import { enqueue } from '../../src/queue/queues';
import { parsePayload, errorMessage, isLastAttempt, type JobContext, type Outcome } from '../job-context';
import { handleTelegramError } from '../telegram-errors';

export async function processOutbound(job: Job, ctx: JobContext): Promise<Outcome> {
  const { alertId } = parsePayload('outbound', job.data);
  // Reached nobody: the next level is told now, not after ALERT_ESCALATE_MINUTES (escalate-now.ts).
  const unreached = (lastError: string) => recordAlertUnreached(alertId, lastError, ctx.queues);
  if (!ctx.telegram) {
    await unreached('TELEGRAM_BOT_TOKEN is not set');
    throw new UnrecoverableError('TELEGRAM_BOT_TOKEN is not set: Telegram alerts cannot be sent');
  }
  try {
    const sent = await sendAlertByTelegram(alertId, { cipher: ctx.cipher, telegram: ctx.telegram, pending: ctx.pendingAlerts, hasher: ctx.hasher });
    for (const heard of sent.heard ?? []) await enqueue(ctx.queues, 'alert_heard', { alertId: heard });
    return sent;
  } catch (err) {
    if (isLastAttempt(job)) await unreached(errorMessage(err));
    return handleTelegramError(err, ctx.queues.outbound, unreached);
  }
}
