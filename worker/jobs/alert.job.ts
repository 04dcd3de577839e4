import { UnrecoverableError, type Job } from 'bullmq';
import { AlertSubjectNotFoundError, raiseDraftAlert, raiseReportAlert } from '../../src/alerts/raise-alert';
import { alertDeps, parsePayload, type JobContext, type Outcome } from '../job-context';

export async function processAlert(job: Job, ctx: JobContext): Promise<Outcome> {
  const payload = parsePayload('alert', job.data);
  try {
    const alert = payload.kind === 'report'
      ? await raiseReportAlert(payload.reportId, 0, alertDeps(ctx))
      : await raiseDraftAlert(payload.draftId, payload.channel, 0, alertDeps(ctx));
    return { outcome: alert.status === 'no_recipient' ? 'no_recipient' : 'raised', alertId: alert.id };
  } catch (err) {
    if (err instanceof AlertSubjectNotFoundError) throw new UnrecoverableError(err.message);
    throw err;
  }
}
