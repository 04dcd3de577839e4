import type { Job } from 'bullmq';
import { alertDueMonitoring } from '../../src/cases/due-monitoring';
import { parsePayload, type JobContext, type Outcome } from '../job-context';

export async function processCaseWatch(job: Job, ctx: JobContext): Promise<Outcome> {
  parsePayload('case-watch', job.data);
  const { due, queued } = await alertDueMonitoring({ cipher: ctx.cipher, queues: ctx.queues, adminBaseUrl: ctx.config.admin.baseUrl });
  return { outcome: 'done', monitoringDue: due, queued };
}
