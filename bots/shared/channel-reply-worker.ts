import { UnrecoverableError, Worker, type ConnectionOptions } from 'bullmq';
import type { FieldCipher } from '../../src/crypto/field-cipher';
import { ReportModel } from '../../src/db/models/report.model';
import type { Logger } from '../../src/logger';
import { JOBS } from '../../src/queue/jobs';
import { deliverStaffReply, markStaffReplyFailed } from '../../src/reports/deliver-staff-reply';
import type { BotsContext } from './bots-context';
import { errorText } from '../../src/runtime/error-text';

/** Staff replies for channels whose sessions live in this process, sent through that channel's sender. */
export function startChannelReplyWorker(deps: {
  senders: BotsContext['senders'];
  cipher: FieldCipher;
  connection: ConnectionOptions;
  prefix: string;
  logger: Logger;
}): Worker {
  const worker = new Worker(
    'bots',
    async (job) => {
      if (job.name !== 'channel_reply') throw new UnrecoverableError(`no processor for job ${job.name}`);
      const { reportId, messageId } = JOBS.channel_reply.payload.parse(job.data);
      const report = await ReportModel.findById(reportId, { channel: 1 }).lean();
      const send = report ? deps.senders[report.channel] : undefined;
      if (!send) {
        await markStaffReplyFailed(messageId);
        throw new UnrecoverableError(`no sender for ${report?.channel ?? 'a missing report'} in this process`);
      }
      const done = await deliverStaffReply(messageId, { cipher: deps.cipher, send: (chatId, text) => send(chatId, [{ text }], 'staff_reply') });
      return done.outcome;
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: 2 },
  );
  worker.on('failed', (job, err) => deps.logger.warn({ jobId: job?.id, err: errorText(err) }, 'staff reply not sent'));
  worker.on('error', (err) => deps.logger.warn({ err: errorText(err) }, 'channel reply worker error'));
  return worker;
}
