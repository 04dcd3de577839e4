// Drives N concurrent reporters through createIntakeHandler (no channel) against the real Redis and database,
// each sending a whole report, and prints messages per second, p50/p99 handling time and RSS.
// Usage: npx tsx bench/intake-handler.ts [N]   (uses a throw-away database and key prefix)
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { loadConfig } from '../src/config';
import { createFieldCipher, createLookupHasher } from '../src/crypto/field-cipher';
import { connectMongo } from '../src/db/connect';
import { ReportModel } from '../src/db/models/report.model';
import { createIntakeHandler } from '../src/intake/handle-inbound-message';
import { createLogger } from '../src/logger';
import { createQueues } from '../src/queue/queues';
import { createRedis } from '../src/redis';
import { createFolderMediaStore } from '../src/reports/media-store';

// The story says what happened, who did it and that it keeps happening; the rest is asked.
const SCRIPT = [
  'halo', 'ya', 'tidak', '4', 'Anak tetangga sering dipukul ayahnya sampai memar', '9 tahun', 'perempuan', 'ipuh', 'rumah', '1', '1',
];

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 200);
  const prefix = `bench-${randomUUID().slice(0, 8)}`;
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lapor-bench-'));
  const base = process.env.TEST_MONGODB_BASE ?? 'mongodb://127.0.0.1:27017';
  const config = loadConfig({
    ...process.env,
    DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY ?? Buffer.alloc(32, 7).toString('base64'),
    LOOKUP_HASH_KEY: process.env.LOOKUP_HASH_KEY ?? Buffer.alloc(32, 9).toString('base64'),
    REDIS_PREFIX: prefix, MEDIA_DIR: mediaDir, INTAKE_MESSAGES_PER_MINUTE: '100000', INTAKE_REPORTS_PER_DAY: '100000',
    MONGODB_URI: `${base}/bench_${prefix.replace(/-/g, '')}`,
  });
  await connectMongo(config.mongo.uri);
  await ReportModel.init();
  const redis = createRedis(config.redis.url);
  const queueConnection = createRedis(config.redis.url, { forBullWorker: true });
  const queues = createQueues(queueConnection, prefix, ['reports', 'alerts']);
  const cipher = createFieldCipher(config.crypto);
  const handle = createIntakeHandler({
    redis, cipher, hasher: createLookupHasher(config.crypto.lookupHashKey), queues, district: config.district, config,
    logger: createLogger('bench', 'silent'), mediaStore: createFolderMediaStore(mediaDir, cipher),
  });

  const latencies: number[] = [];
  let tickets = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      for (const text of SCRIPT) {
        const t0 = performance.now();
        const replies = await handle({ channel: 'telegram', chatId: `bench-${i}`, kind: 'text', text, receivedAt: new Date() });
        latencies.push(performance.now() - t0);
        if (replies.some((r) => /ADU-/.test(r.text))) tickets++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  console.log(JSON.stringify({
    reporters: n, messages: latencies.length, reports: tickets, seconds: Number(seconds.toFixed(2)),
    messagesPerSecond: Math.round(latencies.length / seconds), p50ms: pct(50), p99ms: pct(99),
    rssMB: Math.round(process.memoryUsage().rss / 1048576),
  }));

  await mongoose.connection.db?.dropDatabase();
  await mongoose.disconnect();
  for (const q of Object.values(queues)) { await q?.obliterate({ force: true }); await q?.close(); }
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  queueConnection.disconnect();
  fs.rmSync(mediaDir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
