import { startFakeTelegram } from '../test/fakes/telegram-bot-api';
import { cpuMs, log, reportAll, sampleRss, startBots, stop } from './harness';
import { pct, ratio, spread, type Spread } from './stats';

// Intake: N reporters at once through the Telegram adapter (long polling), our bots process beside the baseline bot.

export interface IntakeFigures {
  reporters: number;
  finished: number;
  messages: number;
  seconds: number;
  messagesPerSecond: number;
  reply: Spread;
  botPeakRssMb: number;
  /** The bot process's CPU time per message during the run (startup excluded): its cost, little moved by the load. */
  botCpuMsPerMessage: number;
}

async function intake(kind: 'ours' | 'baseline', n: number): Promise<IntakeFigures> {
  const fake = await startFakeTelegram();
  const bots = await startBots(kind, fake);
  const rss = sampleRss(bots);
  const cpuBefore = cpuMs(bots.child.pid);
  const { results, seconds } = await reportAll(fake, n);
  const cpuUsed = cpuMs(bots.child.pid) - cpuBefore;
  const peak = rss.stop();
  await stop(bots);
  await fake.close();
  const messages = results.reduce((s, r) => s + r.messagesSent, 0);
  if (process.env.BENCH_STEP_LATENCIES) {
    const steps = Math.max(...results.map((r) => r.latencies.length));
    const at = (i: number) => results.map((r) => r.latencies[i]).filter((x): x is number => x !== undefined);
    log(Array.from({ length: steps }, (_, i) => `${i}:${pct(at(i), 0.5)}/${pct(at(i), 0.99)}`).join(' '));
  }
  const figures: IntakeFigures = {
    reporters: n, finished: results.filter((r) => r.ticket).length, messages, seconds,
    messagesPerSecond: Math.round(messages / seconds), reply: spread(results.flatMap((r) => r.latencies)), botPeakRssMb: peak,
    botCpuMsPerMessage: Math.round((cpuUsed / messages) * 100) / 100,
  };
  log(`intake ${kind} N=${n}: ${figures.messagesPerSecond} msg/s, reply p50 ${figures.reply.p50} ms p99 ${figures.reply.p99} ms, ` +
    `peak RSS ${peak} MB, ${figures.botCpuMsPerMessage} ms CPU/message, ${figures.finished}/${n} finished in ${seconds.toFixed(1)} s`);
  return figures;
}

/** Ours, then the baseline, at one size; the ratios ours/baseline (messages/s: at least 0.8; reply p99: at most 2). */
export async function intakeAt(n: number) {
  const ours = await intake('ours', n);
  const baseline = await intake('baseline', n);
  const ratios = {
    messagesPerSecond: ratio(ours.messagesPerSecond, baseline.messagesPerSecond),
    replyMsP99: ratio(ours.reply.p99, baseline.reply.p99),
    rss: ratio(ours.botPeakRssMb, baseline.botPeakRssMb),
    cpuPerMessage: ratio(ours.botCpuMsPerMessage, baseline.botCpuMsPerMessage),
  };
  log(`intake N=${n}: ours/baseline msg/s ${ratios.messagesPerSecond}, reply p99 ${ratios.replyMsP99}, RSS ${ratios.rss}, CPU/message ${ratios.cpuPerMessage}`);
  return { ours, baseline, ratio: ratios };
}
