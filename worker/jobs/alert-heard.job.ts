import type { Job } from 'bullmq';
import { createReporterFollowUp } from '../../src/alerts/reporter-follow-up';
import { createReporterNotices } from '../../src/alerts/reporter-notices';
import { tellReporterAlertHeard } from '../../src/alerts/tell-reporter';
import { parsePayload, type JobContext, type Outcome } from '../job-context';
import { handleTelegramError } from '../telegram-errors';

export async function processAlertHeard(job: Job, ctx: JobContext): Promise<Outcome> {
  const { alertId } = parsePayload('alert_heard', job.data);
  const prefix = ctx.config.redis.prefix;
  try {
    return await tellReporterAlertHeard(alertId, {
      followUp: createReporterFollowUp(ctx.redis, prefix, ctx.cipher),
      notices: createReporterNotices(ctx.redis, prefix, ctx.cipher),
      hasher: ctx.hasher, cipher: ctx.cipher, queues: ctx.queues, telegram: ctx.telegram,
    });
  } catch (err) {
    // A reporter who blocked the bot cannot be told; nothing else is lost.
    return handleTelegramError(err, ctx.queues.outbound, async () => undefined);
  }
}
