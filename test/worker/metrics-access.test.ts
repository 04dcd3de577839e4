import { randomBytes } from 'node:crypto';
import { uniqueDatabaseUri } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { nonLoopbackAddress } from '../support/network';
import { startOwnRedis } from '../support/own-redis';
import { freePort, startProcess, type Running } from '../support/processes';
import { uniquePrefix } from '../support/redis';

// The worker's /metrics tells how busy the unit is and how many alerts failed: an operator's scraper reads it, an
// outsider who reaches the port does not.

async function startWorker(env: Record<string, string | undefined>): Promise<{ proc: Running; port: number }> {
  const port = await freePort();
  const proc = startProcess('worker/main.ts', {
    WORKER_PORT: String(port), MONGODB_URI: uniqueDatabaseUri('metrics'), REDIS_PREFIX: uniquePrefix('metrics'), ...env,
  });
  await expectEventually(async () => {
    expect(proc.child.exitCode).toBeNull();
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
  }, 120_000, 200);
  return { proc, port };
}

async function stop(proc: Running | undefined): Promise<void> {
  if (!proc) return;
  proc.child.kill('SIGTERM');
  await proc.exited;
}

describe('/metrics with METRICS_TOKEN set, the worker on a Redis that requires a password (as in compose)', () => {
  const token = randomBytes(32).toString('hex');
  let redis: Awaited<ReturnType<typeof startOwnRedis>>;
  let worker: { proc: Running; port: number } | undefined;

  beforeAll(async () => {
    redis = await startOwnRedis({ password: randomBytes(16).toString('hex') });
    worker = await startWorker({ REDIS_URL: redis.url, METRICS_TOKEN: token });
  }, 150_000);
  afterAll(async () => {
    await stop(worker?.proc);
    await redis?.stop();
  }, 30_000);

  const metrics = (headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${worker!.port}/metrics`, { headers });

  it('refuses a scrape without a token, or with a wrong one, even from this machine', async () => {
    const none = await metrics();
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await none.text()).not.toMatch(/lapor_/);
    expect((await metrics({ authorization: `Bearer ${randomBytes(32).toString('hex')}` })).status).toBe(401);
    expect((await metrics({ authorization: `Bearer ${token}x` })).status).toBe(401);
    expect((await metrics({ authorization: token })).status).toBe(401);
  });

  it('answers the right bearer token with Prometheus text, the queues counted through the password-protected Redis', async () => {
    const response = await metrics({ authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await response.text()).toMatch(/^lapor_queue_jobs\{queue="reports",state="waiting"\} 0$/m);
  });

  it('is ready on that Redis, and /healthz and /readyz stay open for the compose health check', async () => {
    const ready = await fetch(`http://127.0.0.1:${worker!.port}/readyz`);
    expect(ready.status).toBe(200);
    expect((await ready.json()).checks).toEqual({ mongo: 'up', redis: 'up' });
  });
});

describe('/metrics without METRICS_TOKEN: loopback only', () => {
  const other = nonLoopbackAddress();
  let worker: { proc: Running; port: number } | undefined;

  beforeAll(async () => {
    // Listening everywhere, as in compose: only where the connection comes from decides.
    worker = await startWorker({ METRICS_TOKEN: undefined, BIND_ADDRESS: '0.0.0.0' });
  }, 150_000);
  afterAll(() => stop(worker?.proc), 30_000);

  it('answers a scrape from this machine\'s loopback', async () => {
    const response = await fetch(`http://127.0.0.1:${worker!.port}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^lapor_queue_jobs\{/m);
  });

  it('refuses it from another address, while the health endpoints answer there', async () => {
    if (!other) return void process.stdout.write('metrics-access.test: skipped the remote scrape (no IPv4 address besides loopback on this machine)\n');
    expect((await fetch(`http://${other}:${worker!.port}/healthz`)).status).toBe(200);
    const response = await fetch(`http://${other}:${worker!.port}/metrics`);
    expect(response.status).toBe(401);
    expect(await response.text()).not.toMatch(/lapor_/);
  });
});
