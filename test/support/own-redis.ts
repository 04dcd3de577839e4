import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './processes';
import { expectEventually } from './expect-eventually';
import { Redis } from 'ioredis';

/**
 * A redis-server of the test's own on a free port (for tests that stop or restart Redis, or need a password: the
 * shared Redis has none and must keep it that way). With `password`, `url` carries it as production's does.
 */
export async function startOwnRedis(opts: { appendonly?: boolean; password?: string } = {}) {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lapor-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir,
    '--appendonly', opts.appendonly ? 'yes' : 'no', ...(opts.password ? ['--requirepass', opts.password] : [])];
  let child: ChildProcess = spawn('redis-server', args, { stdio: 'ignore' });
  const url = opts.password ? `redis://:${encodeURIComponent(opts.password)}@127.0.0.1:${port}` : `redis://127.0.0.1:${port}`;
  const waitUp = () =>
    expectEventually(async () => {
      const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      try {
        await probe.connect();
        await probe.ping();
      } finally {
        probe.disconnect();
      }
    });
  await waitUp();
  return {
    url,
    port,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
    async start() {
      child = spawn('redis-server', args, { stdio: 'ignore' });
      await waitUp();
    },
  };
}
