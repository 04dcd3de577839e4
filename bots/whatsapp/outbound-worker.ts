import { Worker, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';
import { sealedJobField } from '../../src/crypto/encrypted-fields';
import type { FieldCipher } from '../../src/crypto/field-cipher';
import { recordAlertUnreached } from '../../src/alerts/escalate-now';
import { deliverAlert } from '../../src/alerts/send-alert';
import { enqueue, type Queues } from '../../src/queue/queues';
import { JOBS } from '../../src/queue/jobs';
import type { Logger } from '../../src/logger';
import { errorText } from '../../src/runtime/error-text';
import type { WhatsappClient } from './create-client';
import { toWhatsappChatId } from './to-whatsapp-chat-id';

const Sealed = z.object({ chatId: z.string().min(1), text: z.string() });
const NOT_READY_WAIT_MS = 5_000;

/**
 * Sends queued WhatsApp messages through the browser session, `sendPerSecond` at most over all chats.
 * While the session is not ready the queue waits instead of failing its jobs.
 */
export function startWhatsappOutboundWorker(deps: {
  client: WhatsappClient;
  isReady: () => boolean;
  cipher: FieldCipher;
  connection: ConnectionOptions;
  prefix: string;
  /** `alerts` and `outbound`: escalation at once, and the reporter's follow-up (worker/jobs/alert-heard.job.ts). */
  queues?: Partial<Queues>;
  sendPerSecond: number;
  logger: Logger;
}): Worker {
  const { client, isReady, cipher, logger } = deps;
  const worker: Worker = new Worker(
    'whatsapp',
    async (job) => {
      if (!isReady()) {
        await worker.rateLimit(NOT_READY_WAIT_MS);
        throw Worker.RateLimitError();
      }
      if (job.name === 'whatsapp_alert') {
        const { alertId } = JOBS.whatsapp_alert.payload.parse(job.data);
        const sent = await deliverAlert(alertId, 'whatsapp', { cipher, send: (to, text) => client.sendMessage(toWhatsappChatId(to), text) });
        for (const heard of sent.heard ?? []) if (deps.queues) await enqueue(deps.queues, 'alert_heard', { alertId: heard });
        return sent.outcome;
      }
      if (job.name !== 'whatsapp_send') return 'skipped';
      const { messageId, sealed } = JOBS.whatsapp_send.payload.parse(job.data);
      const { chatId, text } = Sealed.parse(JSON.parse(cipher.decrypt(sealed, sealedJobField(messageId))));
      await client.sendMessage(chatId, text);
      return 'done';
    },
    // One at a time keeps the queue's order, which is each chat's order.
    { connection: deps.connection, prefix: deps.prefix, concurrency: 1, limiter: { max: deps.sendPerSecond, duration: 1000 } },
  );
  worker.on('failed', (job, err) => {
    logger.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: errorText(err) }, 'whatsapp send failed');
    // The last attempt of an alert failed: it reached nobody, so the next level hears now (escalate-now.ts).
    if (job?.name === 'whatsapp_alert' && deps.queues && job.attemptsMade >= (job.opts.attempts ?? 1)) {
      const { alertId } = JOBS.whatsapp_alert.payload.parse(job.data);
      recordAlertUnreached(alertId, errorText(err), deps.queues).catch((e: unknown) => logger.warn({ err: errorText(e) }, 'unreached alert not escalated'));
    }
  });
  worker.on('error', (err) => logger.warn({ err: errorText(err) }, 'whatsapp outbound worker error'));
  return worker;
}
