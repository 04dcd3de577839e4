import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startFakeTelegram } from '../test/fakes/telegram-bot-api';
import { freePort } from '../test/support/processes';
import { log, nextPrefix, reportAll, sampleRss, startBots, stop, useDatabase } from './harness';
import { startRoundRobinProxy } from './round-robin-proxy';
import { perSecond, spread } from './stats';

// Scale-out of the bots process: Telegram in webhook mode, one address (a round-robin proxy, as a load balancer would
// be) in front of 1 or 2 bots processes sharing Redis and the database. N reporters at once, no worker running.

export async function webhookWith(processes: number, n: number) {
  await useDatabase(`webhook${processes}`);
  const fake = await startFakeTelegram();
  const prefix = nextPrefix();
  const ports = await Promise.all(Array.from({ length: processes }, () => freePort()));
  const proxy = await startRoundRobinProxy(ports);
  const extra = { TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${proxy.port}/telegram/${prefix}`, TELEGRAM_WEBHOOK_SECRET: randomBytes(24).toString('hex') };
  const bots = await Promise.all(ports.map((port) => startBots('ours', fake, { prefix, port, extra })));
  const rss = bots.map(sampleRss);
  const { results, seconds } = await reportAll(fake, n);
  const peaks = rss.map((r) => r.stop());
  // What each push of an update to the webhook was answered (the fake does not retry, as Telegram would, a failed one).
  const deliveries = countBy(fake.webhook()?.deliveries ?? []);
  const deliveryErrors = countBy(fake.webhook()?.errors ?? []);
  for (const b of bots) await stop(b);
  // The processes' own log lines (ids and timings only), for reading where the time went.
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  bots.forEach((b, i) => fs.writeFileSync(path.join(__dirname, `results/bots-webhook${processes}-${i + 1}.log`), b.output()));
  await proxy.close();
  await fake.close();
  const messages = results.reduce((s, r) => s + r.messagesSent, 0);
  const tickets = results.filter((r) => r.ticket).length;
  const figures = {
    processes, reporters: n, finished: tickets, seconds, messagesPerSecond: Math.round(messages / seconds),
    reportsPerSecond: perSecond(tickets, seconds * 1000), reply: spread(results.flatMap((r) => r.latencies)),
    confirmToTicket: spread(results.flatMap((r) => (r.confirmMs === undefined ? [] : [r.confirmMs]))),
    // A conversation "in order" reached its ticket with every answer fitting the question the reporter was at: never
    // told to start again, no answer out of turn. Each of those is what a chat's updates applied out of order look like.
    conversations: {
      inOrder: results.filter((r) => r.ticket && !r.restarts && !r.unplaced).length,
      restarted: results.filter((r) => r.restarts).length,
      outOfTurnAnswers: results.reduce((s, r) => s + r.unplaced, 0),
      resends: results.reduce((s, r) => s + r.resends, 0),
    },
    updatesPerProcess: [...proxy.forwarded], peakRssMb: peaks, deliveries, deliveryErrors, proxyErrors: countBy(proxy.failed),
  };
  log(`webhook, ${processes} bots process(es): ${figures.messagesPerSecond} msg/s, ${figures.reportsPerSecond} reports/s, ` +
    `reply p50 ${figures.reply.p50} ms p99 ${figures.reply.p99} ms, ${tickets}/${n} finished in ${seconds.toFixed(1)} s, ` +
    `${figures.conversations.inOrder}/${n} in order (${figures.conversations.restarted} restarted, ${figures.conversations.outOfTurnAnswers} answers out of turn, ` +
    `${figures.conversations.resends} re-sent) ` +
    `(updates per process ${figures.updatesPerProcess.join('/')}, peak RSS ${peaks.join('/')} MB; webhook answers ${JSON.stringify(deliveries)} ` +
    `${JSON.stringify(deliveryErrors)}, ` +
    `proxy errors ${JSON.stringify(figures.proxyErrors)})`);
  return figures;
}

function countBy(values: readonly (string | number)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
