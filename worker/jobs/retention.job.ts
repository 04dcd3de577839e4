import type { Job } from 'bullmq';
import { createFolderMediaStore } from '../../src/reports/media-store';
import { applyRetention } from '../../src/retention/retention-plan';
import { parsePayload, type JobContext, type Outcome } from '../job-context';

export async function processRetention(job: Job, ctx: JobContext): Promise<Outcome> {
  parsePayload('retention', job.data);
  const media = createFolderMediaStore(ctx.config.media.dir, ctx.cipher);
  const done = await applyRetention(ctx.config.retention, (key) => media.remove(key));
  return { outcome: 'done', ...done };
}
