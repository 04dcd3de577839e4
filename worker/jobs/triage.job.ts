import { UnrecoverableError, type Job } from 'bullmq';
import { sendToManualTriage } from '../../src/reports/manual-triage';
import { ComeBackLater } from '../../src/runtime/come-back-later';
import { ReportContestedError, ReportNotFoundError, triageStoredReport } from '../../src/reports/triage-stored-report';
import { manualTriageDeps, parsePayload, triageDeps, errorMessage, isLastAttempt, type JobContext, type Outcome } from '../job-context';

const CONTESTED_PATIENCE_MS = 2 * 60_000;
const CONTESTED_RETRY_MS = 3_000;

export async function processTriage(job: Job, ctx: JobContext): Promise<Outcome> {
  const { reportId } = parsePayload('triage', job.data);
  try {
    return await triageStoredReport(reportId, triageDeps(ctx));
  } catch (err) {
    if (err instanceof ReportNotFoundError) throw new UnrecoverableError(err.message);
    // A worker killed while writing this report holds its slot until the slot is stale (30 s), longer than the job's
    // attempts last: wait that out instead of spending them, or the report went to manual triage (and the Kepala
    // Seksi Data was alerted) for a crash that was already over. Patience is bounded: a report still contested after
    // CONTESTED_PATIENCE_MS spends its attempts as any failure does.
    if (err instanceof ReportContestedError && Date.now() - job.timestamp < CONTESTED_PATIENCE_MS) {
      throw new ComeBackLater(CONTESTED_RETRY_MS, err.message);
    }
    // Here, inside the last attempt, rather than in the Worker's 'failed' event: that event runs after BullMQ has
    // marked the job failed, and a crash in between would leave the report in `received` with no run left to move
    // it. A crash here instead stalls the job and this last attempt runs again (sendToManualTriage is repeat-safe);
    // a job that fails for good without reaching this (stalled too often) is found by the sweeper.
    if (isLastAttempt(job)) await toManualTriage(job, reportId, err, ctx);
    // Still a failure: the job keeps its technical reason in the failed-jobs list for whoever fixes the cause.
    throw err;
  }
}

async function toManualTriage(job: Job, reportId: string, err: unknown, ctx: JobContext): Promise<void> {
  try {
    const outcome = await sendToManualTriage(reportId, errorMessage(err), manualTriageDeps(ctx));
    ctx.logger.warn({ jobId: job.id, outcome }, 'triage failed for good: report sent to manual triage');
  } catch (manualErr) {
    // The job's own error stays its reason; the sweeper finds the report (still `received`, job failed) later.
    ctx.logger.error({ jobId: job.id, err: errorMessage(manualErr) }, 'manual triage failed; the sweeper will retry');
  }
}

/**
 * The sweeper's one try for a report whose job failed for good without reaching manual triage: automatic triage
 * once more (the cause may have passed: a database restart), else manual triage. Either way it leaves `received`.
 */
export async function triageOrSendToManual(reportId: string, ctx: JobContext): Promise<'triaged' | 'manual_triage'> {
  try {
    await triageStoredReport(reportId, triageDeps(ctx));
    return 'triaged';
  } catch (err) {
    await sendToManualTriage(reportId, errorMessage(err), manualTriageDeps(ctx));
    return 'manual_triage';
  }
}

/** BullMQ's own rule (Job.shouldRetryJob): `attemptsMade` counts the attempts finished before this one. */
