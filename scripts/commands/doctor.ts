import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { ConfigError, loadConfig, loadDotEnv, type Config } from '../../src/config';
import { connectMongo, disconnectMongo } from '../../src/db/connect';
import { QUEUES } from '../../src/queue/jobs';
import { CHECKS, type Reached, type Verdict } from './doctor-checks';

type Status = 'ok' | 'FAIL' | 'skip';

const TIMEOUT_MS = 3000;

/**
 * `npm run -s cli -- doctor`: one line per check, exit code 1 when any fails. Settings first, then the database and
 * Redis; a check that stands on one that failed says it was skipped. Reads only: builds no index, writes nothing.
 */
export async function doctor(): Promise<number> {
  loadDotEnv();
  let failures = 0;
  const say = (status: Status, name: string, detail: string) => {
    if (status !== 'ok') failures++;
    process.stdout.write(`${status.padEnd(4)} ${name}  ${detail}\n`);
  };
  const verdict = (name: string, v: Verdict) => say(v.ok ? 'ok' : 'FAIL', name, v.detail);

  const config = parseSettings();
  verdict('settings', config instanceof Error ? { ok: false, detail: config.message } : { ok: true, detail: settingsSummary(config) });
  if (config instanceof Error) {
    for (const name of ['database', 'redis', ...CHECKS.map((c) => c.name)]) say('skip', name, 'skipped: the settings do not parse');
    return 1;
  }

  const database = await reachDatabase(config);
  verdict('database', database);
  const redis = await reachRedis(config);
  verdict('redis', redis);
  const queues = redis.client ? QUEUES.map((name) => new Queue(name, { connection: redis.client!, prefix: config.redis.prefix })) : [];
  try {
    for (const check of CHECKS) {
      const up = check.needs === 'database' ? database.ok : redis.ok;
      if (!up) say('skip', check.name, `skipped: ${check.needs === 'database' ? 'the database' : 'Redis'} is not reachable`);
      else verdict(check.name, await runCheck(() => check.run({ config, queues } satisfies Reached)));
    }
  } finally {
    await Promise.all(queues.map((q) => q.close().catch(() => undefined)));
    redis.client?.disconnect();
    await disconnectMongo().catch(() => undefined);
  }
  return failures ? 1 : 0;
}

function parseSettings(): Config | Error {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
}

function settingsSummary(config: Config): string {
  const old = config.crypto.keys.size - 1;
  return `parsed (district ${config.district.key}, data key id ${config.crypto.activeKeyId}${old ? `, ${old} old key(s)` : ''})`;
}

async function reachDatabase(config: Config): Promise<Verdict> {
  return runCheck(async () => {
    await connectMongo(config.mongo.uri, { inspectOnly: true, timeoutMs: TIMEOUT_MS });
    await mongoose.connection.db!.admin().ping();
    const { host, port, name } = mongoose.connection;
    return { ok: true, detail: `answers at ${host}:${port}, database ${name}` };
  }, 'not reachable');
}

/** A connection that gives up at once: doctor reports a dead Redis, it does not wait for it. */
async function reachRedis(config: Config): Promise<Verdict & { client?: Redis }> {
  const client = new Redis(config.redis.url, {
    lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: () => null, connectTimeout: TIMEOUT_MS,
  });
  let lastError: Error | undefined;
  client.on('error', (err: Error) => (lastError = err)); // reported below, once
  const verdict = await runCheck(async () => {
    // connect() rejects with "Connection is closed."; the error event said why (ECONNREFUSED, a timeout).
    await client.connect().catch((err: Error) => Promise.reject(lastError ?? err));
    await client.ping();
    return { ok: true, detail: `answers at ${client.options.host}:${client.options.port} (prefix ${config.redis.prefix})` };
  }, 'not reachable');
  if (verdict.ok) return { ...verdict, client };
  client.disconnect();
  return verdict;
}

/** A check that throws fails with the first line of its error (driver messages name hosts, never secrets). */
async function runCheck(run: () => Promise<Verdict>, failedAs = 'could not be checked'): Promise<Verdict> {
  try {
    return await run();
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200);
    return { ok: false, detail: `${failedAs} (${message})` };
  }
}
