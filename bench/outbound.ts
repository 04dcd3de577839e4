import { Types } from 'mongoose';
import { Redis } from 'ioredis';
import { BOUND, fieldOf } from '../src/crypto/encrypted-fields';
import { ReportMessageModel } from '../src/db/models/report-message.model';
import { ReportModel } from '../src/db/models/report.model';
import { JOBS } from '../src/queue/jobs';
import { createQueues } from '../src/queue/queues';
import type { FakeTelegram } from '../test/fakes/telegram-bot-api';
import { cipher, log, REDIS_URL, sleep } from './harness';
import { maxInWindow } from './stats';

// Outbound: BENCH_OUTBOUND (2,000) staff replies to the pipeline's reporters, queued at once and drained by the running
// worker; the fake API records every send, so the rates Telegram would see are counted, not assumed.

const OUTBOUND = Number(process.env.BENCH_OUTBOUND ?? 2000);

export async function outbound(fake: FakeTelegram, prefix: string, tickets: string[]) {
  const withAddress = await ReportModel.find({ ticket: { $in: tickets }, replyAddress: { $exists: true } }, { _id: 1, replyAddress: 1 }).lean();
  const chats = new Set(withAddress.map((r) => cipher.decrypt(r.replyAddress!, fieldOf(BOUND.reports, r._id, 'replyAddress'))));
  const messages = await ReportMessageModel.insertMany(Array.from({ length: OUTBOUND }, (_, i) => {
    const _id = new Types.ObjectId();
    return {
      _id, reportId: withAddress[i % withAddress.length]!._id, direction: 'out', by: 'bench', status: 'queued',
      text: cipher.encrypt(`Balasan petugas ${i}`, fieldOf(BOUND.reportMessages, _id, 'text')),
    };
  }));
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queues = createQueues(connection, prefix, ['outbound']);
  const started = Date.now();
  await queues.outbound!.addBulk(messages.map((m, i) => ({
    name: 'staff_reply', data: { reportId: String(withAddress[i % withAddress.length]!._id), messageId: String(m._id) },
    opts: { jobId: `reply-${m._id}`, attempts: 5, backoff: { type: 'exponential', delay: 1000 }, ...JOBS.staff_reply.options },
  })));
  const outboundCalls = () => fake.calls('sendMessage').filter((c) => c.at >= started && chats.has(String(c.params.chat_id)));
  const deadline = Date.now() + 240_000;
  while (outboundCalls().length < OUTBOUND && Date.now() < deadline) await sleep(500);
  const calls = outboundCalls();
  const seconds = ((calls.at(-1)?.at ?? Date.now()) - started) / 1000;
  const perChat = new Map<string, number[]>();
  for (const c of calls) perChat.set(String(c.params.chat_id), [...(perChat.get(String(c.params.chat_id)) ?? []), c.at]);
  const gaps = [...perChat.values()].flatMap((t) => t.slice(1).map((at, i) => at - t[i]!));
  const figures = {
    messages: OUTBOUND, chats: chats.size, delivered: calls.length, seconds,
    maxPerSecondOverall: maxInWindow(calls.map((c) => c.at)),
    maxPerSecondOneChat: Math.max(0, ...[...perChat.values()].map(maxInWindow)),
    minGapOneChatMs: gaps.length ? Math.min(...gaps) : null,
    limits: { overallPerSecond: 30, perChatPerSecond: 1 },
  };
  log(`outbound: ${calls.length}/${OUTBOUND} to ${chats.size} chats in ${seconds.toFixed(1)} s; highest ${figures.maxPerSecondOverall}/s overall, ` +
    `${figures.maxPerSecondOneChat}/s in one chat (closest two sends to one chat ${figures.minGapOneChatMs} ms)`);
  await queues.outbound!.obliterate({ force: true }).catch(() => undefined);
  await queues.outbound!.close();
  connection.disconnect();
  return figures;
}
