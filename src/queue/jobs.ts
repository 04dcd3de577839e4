import { z } from 'zod';

// Every job: its name, its queue and its payload schema, side by side. Payloads carry ids, never personal data.
// A payload change means a new job name, so old jobs still in Redis are never read with the wrong shape.

const objectId = z.string().regex(/^[a-f0-9]{24}$/, 'expected a 24-hex object id');

export const QUEUES = ['reports', 'alerts', 'outbound', 'maintenance', 'whatsapp'] as const;
export type QueueName = (typeof QUEUES)[number];

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
  /**
   * One message to a WhatsApp chat (whatsapp-web.js). Consumed by the bots process, where the browser session lives.
   * `sealed` is the field cipher's encryption of {chatId, text}: a reply can quote what the reporter wrote.
   */
  whatsapp_send: {
    queue: 'whatsapp',
    payload: z.object({ messageId: z.string().uuid(), sealed: z.string().startsWith('enc:') }),
  },
} as const satisfies Record<string, { queue: QueueName; payload: z.ZodTypeAny }>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>;

/** Job ids that make a repeated enqueue a no-op (BullMQ ignores an add whose id exists). */
export function jobIdFor<N extends JobName>(name: N, payload: JobPayload<N>): string {
  if (name === 'triage') return `triage-${(payload as JobPayload<'triage'>).reportId}`;
  if (name === 'whatsapp_send') return `wa-${(payload as JobPayload<'whatsapp_send'>).messageId}`;
  const alert = payload as JobPayload<'alert'>;
  return alert.kind === 'report' ? `alert-report-${alert.reportId}` : `alert-draft-${alert.draftId}`;
}
