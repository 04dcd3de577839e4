import { freePort, startProcess, type Running } from '../support/processes';
import { startOwnRedis } from '../support/own-redis';
import { expectEventually } from '../support/expect-eventually';
import { uniqueDatabaseUri } from '../support/database';
import { uniquePrefix } from '../support/redis';

async function status(url: string): Promise<number> {
  return (await fetch(url)).status;
}

describe('the three processes on real services', () => {
  const running: Running[] = [];
  afterEach(async () => {
    for (const proc of running.splice(0)) {
      proc.child.kill('SIGTERM');
      await proc.exited;
    }
  });

  it('admin answers /readyz 200 while Mongo and Redis answer, 503 when Redis is down, 200 again after', async () => {
    const redis = await startOwnRedis();
    const port = await freePort();
    const admin = startProcess('admin/main.ts', {
      PORT: String(port), REDIS_URL: redis.url, MONGODB_URI: uniqueDatabaseUri('health'),
    });
    running.push(admin);
    const readyz = `http://127.0.0.1:${port}/readyz`;

    await expectEventually(async () => expect(await status(readyz)).toBe(200), 15_000);
    expect(await status(`http://127.0.0.1:${port}/healthz`)).toBe(200);

    await redis.stop();
    await expectEventually(async () => expect(await status(readyz)).toBe(503), 10_000);
    const body = await (await fetch(readyz)).json();
    expect(body.checks).toEqual({ mongo: 'up', redis: 'down' });

    await redis.start();
    await expectEventually(async () => expect(await status(readyz)).toBe(200), 15_000);
    await redis.stop();
  });

  it('admin answers 503 while the database is unreachable', async () => {
    const port = await freePort();
    const deadDb = await freePort();
    const admin = startProcess('admin/main.ts', { PORT: String(port), MONGODB_URI: `mongodb://127.0.0.1:${deadDb}/x` });
    running.push(admin);
    await expectEventually(async () => expect(await status(`http://127.0.0.1:${port}/readyz`)).toBe(503), 15_000);
  });

  it('bots and worker start, report readiness, say which channels are off, and stop cleanly on SIGTERM', async () => {
    const [botsPort, workerPort] = [await freePort(), await freePort()];
    const db = uniqueDatabaseUri('procs');
    const bots = startProcess('bots/main.ts', { BOTS_PORT: String(botsPort), MONGODB_URI: db, LOG_LEVEL: 'info', TELEGRAM_BOT_TOKEN: '' });
    const worker = startProcess('worker/main.ts', {
      WORKER_PORT: String(workerPort), MONGODB_URI: db, LOG_LEVEL: 'info', REDIS_PREFIX: uniquePrefix('procs'),
    });

    await expectEventually(async () => expect(await status(`http://127.0.0.1:${botsPort}/readyz`)).toBe(200), 15_000);
    await expectEventually(async () => expect(await status(`http://127.0.0.1:${workerPort}/readyz`)).toBe(200), 15_000);
    expect(bots.output()).toMatch(/"telegram":"off: TELEGRAM_BOT_TOKEN is not set"/);

    for (const proc of [bots, worker]) proc.child.kill('SIGTERM');
    expect(await bots.exited).toBe(0);
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toMatch(/"msg":"stopped"/);
  });
});
