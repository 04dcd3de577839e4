import type { WorkerJobName } from '../src/queue/jobs';
import type { Processor } from './job-context';
import { processAlert } from './jobs/alert.job';
import { processCaseWatch } from './jobs/case-watch.job';
import { processAlertHeard } from './jobs/alert-heard.job';
import { processEscalate } from './jobs/escalate.job';
import { processOutbound } from './jobs/outbound.job';
import { processReporterMessage } from './jobs/reporter-message.job';
import { processSlaWatch } from './jobs/sla-watch.job';
import { processStaffReply } from './jobs/staff-reply.job';
import { processRetention } from './jobs/retention.job';
import { processSweep } from './jobs/sweep.job';
import { processTriage } from './jobs/triage.job';

/** Every job the worker runs, by name: a job in jobs.ts without a processor here is a type error. */
export const HANDLERS = {
  triage: processTriage,
  alert: processAlert,
  alert_heard: processAlertHeard,
  escalate: processEscalate,
  outbound: processOutbound,
  'sla-watch': processSlaWatch,
  'case-watch': processCaseWatch,
  sweep: processSweep,
  retention: processRetention,
  staff_reply: processStaffReply,
  reporter_message: processReporterMessage,
} satisfies Record<WorkerJobName, Processor>;
