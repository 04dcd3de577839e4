import { z } from 'zod';

// Every job: its name, its queue and its payload schema, side by side. Payloads carry ids, never personal data.
// A payload change means a new job name, so old jobs still in Redis are never read with the wrong shape.

const objectId = z.string().regex(/^[a-f0-9]{24}$/, 'expected a 24-hex object id');

/** `whatsapp` is consumed by the bots process (the WhatsApp session lives there); the worker runs the others. */
export const QUEUES = ['reports', 'alerts', 'outbound', 'maintenance', 'whatsapp', 'bots'] as const;
export type QueueName = (typeof QUEUES)[number];
export const WORKER_QUEUES = ['reports', 'alerts', 'outbound', 'maintenance'] as const satisfies readonly QueueName[];

export const JOBS = {
  /** Decide priority and reasons for a stored report, then route it to the intake queue. Job id = report id. */
  triage: { queue: 'reports', payload: z.object({ reportId: objectId }) },
  /** Tell the on-call worker: a draft whose reporter said "danger: yes", or a P1 report. */
  alert: {
    queue: 'alerts',
    payload: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('urgent_draft'), draftId: z.string().min(1), channel: z.string() }),
      z.object({ kind: z.literal('report'), reportId: objectId }),
    ]),
  },
  /** Delayed: if nobody acknowledged the alert by now, alert the next level (Kepala Seksi Data, then Koordinator). */
  escalate: { queue: 'alerts', payload: z.object({ alertId: objectId }) },
  /** Deliver one stored Alert over Telegram, rate limited. */
  outbound: { queue: 'outbound', payload: z.object({ kind: z.literal('alert'), alertId: objectId }) },
  /**
   * A person's channel accepted an urgent-draft alert: tell its reporter, once per subject, through their chat
   * (reporter-follow-up.ts). Only the alert id travels; the reporter's chat waits encrypted in Redis.
   */
  alert_heard: { queue: 'outbound', payload: z.object({ alertId: objectId }) },
  /** Deliver one stored Alert over WhatsApp: run by the bots process, which owns the WhatsApp session. */
  whatsapp_alert: { queue: 'whatsapp', payload: z.object({ alertId: objectId }) },
  /** Scheduled: flag reports near or past their SLA and tell the Kepala Seksi Data. */
  'sla-watch': { queue: 'maintenance', payload: z.object({}) },
  /** Scheduled beside sla-watch: tell each case's pekerja sosial that its next monitoring date is due (once per date). */
  'case-watch': { queue: 'maintenance', payload: z.object({}) },
  /** Scheduled: re-queue triage for reports whose job was lost (the database is the source of truth). */
  sweep: { queue: 'maintenance', payload: z.object({}) },
  /**
   * A staff reply to a reporter on a channel only the bots process can reach (WhatsApp Cloud API, within or after the
   * 24-hour window; the web chat's open connections): consumed there. Ids only; the text stays encrypted in the ReportMessage.
   */
  channel_reply: { queue: 'bots', payload: z.object({ reportId: objectId, messageId: objectId }) },
  /** Scheduled: anonymise old rejected/merged reports and erase closed cases' conversations (RETENTION_* settings). */
  retention: { queue: 'maintenance', payload: z.object({}) },
  /**
   * A staff reply to a reporter: the text is the encrypted ReportMessage `messageId`, never in the payload. Behind any
   * waiting alert in the same queue (jobs without a priority go first): a batch of replies never holds up the on-call.
   */
  staff_reply: { queue: 'outbound', payload: z.object({ reportId: objectId, messageId: objectId }), options: { priority: 10 } },
  /**
   * A reporter wrote after filing (a `ReportMessage` `in`): tell whoever holds the report, or the case's pekerja sosial.
   * Ids only; the text stays encrypted in the message.
   */
  reporter_message: { queue: 'alerts', payload: z.object({ reportId: objectId, messageId: objectId }) },
  /**
   * One message to a WhatsApp chat (whatsapp-web.js). Consumed by the bots process, where the browser session lives.
   * `sealed` is the field cipher's encryption of {chatId, text}: a reply can quote what the reporter wrote.
   */
  whatsapp_send: {
    queue: 'whatsapp',
    payload: z.object({ messageId: z.string().min(1).max(100), sealed: z.string().startsWith('enc:') }),
  },
} as const satisfies Record<string, { queue: QueueName; payload: z.ZodTypeAny; options?: { priority: number } }>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>;
export type WorkerJobName = { [N in JobName]: (typeof JOBS)[N]['queue'] extends 'whatsapp' | 'bots' ? never : N }[JobName];

/** Job ids that make a repeated enqueue a no-op (BullMQ ignores an add whose id exists). */
export function jobIdFor<N extends JobName>(name: N, payload: JobPayload<N>): string {
  const p = payload as Record<string, string>;
  switch (name) {
    case 'triage':
      return `triage-${p.reportId}`;
    case 'alert':
      return p.kind === 'report' ? `alert-report-${p.reportId}` : `alert-draft-${p.draftId}`;
    case 'escalate':
    case 'outbound':
    case 'whatsapp_alert':
    case 'alert_heard':
      return `${name}-${p.alertId}`;
    case 'staff_reply':
      return `reply-${p.messageId}`;
    case 'channel_reply':
      return `channel-reply-${p.messageId}`;
    case 'reporter_message':
      return `reporter-message-${p.messageId}`;
    case 'whatsapp_send':
      return `wa-${p.messageId}`;
    default:
      // Scheduled jobs get their ids from the scheduler; a manual run gets a fresh one.
      return `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  }
}
