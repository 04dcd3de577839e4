// Benchmark (not a test): N reporters file a whole report at once over Telegram, through the fake Bot API and the
// real bots process on the local Redis and database. Prints messages per second, reply latency and the process's RSS.
//   npx tsx bench/telegram-intake.ts [N=200]
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { startFakeTelegram, type RecordedCall } from '../test/fakes/telegram-bot-api';
import { TO_CONFIRM_SAME_CHAT, ticketIn } from '../test/factories/intake-script';
import { freePort, ROOT } from '../test/support/processes';

const N = Number(process.argv[2] ?? 200);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
// Every answer from greeting to the confirm button: the last reply of each reporter carries the ticket.
const SCRIPT = [...TO_CONFIRM_SAME_CHAT, '1'];
const MONGO = `${process.env.BENCH_MONGODB_BASE ?? 'mongodb://127.0.0.1:27017'}/bench_${randomUUID().slice(0, 8)}`;

async function main(): Promise<void> {
  const fake = await startFakeTelegram();
  const prefix = `bench-${randomUUID().slice(0, 8)}`;
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lapor-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'bots/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', BOTS_PORT: String(await freePort()),
      TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, MONGODB_URI: MONGO, REDIS_URL, REDIS_PREFIX: prefix,
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'), LOOKUP_HASH_KEY: randomBytes(32).toString('base64'),
      MEDIA_DIR: mediaDir, WEBCHAT_ENABLED: 'false', INTAKE_MESSAGES_PER_MINUTE: '100000', INTAKE_REPORTS_PER_DAY: '1000',
    },
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  await waitUntil(() => out.includes('"msg":"bots ready"'), 30_000);
  out = '';

  // Replies per chat, as they reach the fake.
  const inbox = new Map<string, RecordedCall[]>();
  const waiting = new Map<string, (call: RecordedCall) => void>();
  fake.onCall((call) => {
    if (call.method !== 'sendMessage') return;
    const chat = String(call.params.chat_id);
    const resolve = waiting.get(chat);
    if (resolve) {
      waiting.delete(chat);
      resolve(call);
    } else {
      inbox.set(chat, [...(inbox.get(chat) ?? []), call]);
    }
  });
  const nextReply = (chat: string) =>
    new Promise<RecordedCall>((resolve) => {
      const queued = inbox.get(chat)?.shift();
      if (queued) resolve(queued);
      else waiting.set(chat, resolve);
    });

  const rss = { peak: 0, samples: [] as number[] };
  const sampler = setInterval(() => {
    const kb = Number(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    rss.peak = Math.max(rss.peak, kb);
    rss.samples.push(kb);
  }, 200);
  const rssBefore = Number(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);

  const latencies: number[] = [];
  let tickets = 0;
  const started = Date.now();
  await Promise.all(Array.from({ length: N }, async (_, i) => {
    const chat = String(800000 + i);
    for (const text of SCRIPT) {
      inbox.delete(chat); // a late extra message of the previous turn is not this turn's answer
      const sentAt = Date.now();
      fake.sendText(Number(chat), text);
      const reply = await nextReply(chat);
      latencies.push(reply.at - sentAt);
      if (process.env.BENCH_DEBUG) console.error(text, '=>', String(reply.params.text).slice(0, 80).replace(/\n/g, ' '));
      if (ticketIn(String(reply.params.text))) tickets++;
    }
  }));
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);

  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  const messages = N * SCRIPT.length;
  console.log(JSON.stringify({
    reporters: N,
    messages,
    seconds: Number(seconds.toFixed(2)),
    messagesPerSecond: Math.round(messages / seconds),
    replyLatencyMs: { p50: pct(50), p99: pct(99), max: latencies.at(-1) },
    reportsStored: tickets,
    botsRssMb: { beforeRun: Math.round(rssBefore / 1024), peak: Math.round(rss.peak / 1024) },
    cpus: os.cpus().length,
    loadAverage1m: Number(os.loadavg()[0]!.toFixed(2)),
  }, null, 2));

  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await fake.close();
  await mongoose.connect(MONGO);
  await mongoose.connection.db!.dropDatabase();
  await mongoose.disconnect();
  const redis = new Redis(REDIS_URL);
  for (let cursor = '0'; ;) {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    if ((cursor = next) === '0') break;
  }
  redis.disconnect();
  fs.rmSync(mediaDir, { recursive: true, force: true });
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('bots process did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
