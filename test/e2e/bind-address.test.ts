import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { uniqueDatabaseUri } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { acceptsConnections, nonLoopbackAddress } from '../support/network';
import { freePort, ROOT, startProcess, type Running } from '../support/processes';
import { uniquePrefix } from '../support/redis';

// An attacker on the same network as a development machine (or a server run without compose) finds nothing to talk
// to: each process, started as it is by default, answers on loopback and on no other address of the machine.
const other = nonLoopbackAddress();
const PROCESSES = [
  { entry: 'admin/main.ts', portSetting: 'PORT' },
  { entry: 'bots/main.ts', portSetting: 'BOTS_PORT' },
  { entry: 'worker/main.ts', portSetting: 'WORKER_PORT' },
];

/** `file:line: text` of every `.listen(` call in the processes' code. */
function listenCalls(): string[] {
  const files = ['src', 'bots', 'worker', 'admin'].flatMap((dir) =>
    fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f)));
  return files.flatMap((file) => fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n')
    .map((text, i) => `${file}:${i + 1}: ${text.trim()}`)
    .filter((line) => /\.listen\(/.test(line)));
}

describe('the HTTP servers listen on loopback by default', () => {
  it('every server of the processes listens where BIND_ADDRESS says (a new one cannot quietly listen everywhere)', () => {
    const calls = listenCalls();
    expect(calls.length).toBeGreaterThanOrEqual(2); // the health server (bots, worker) and the admin app
    for (const call of calls) expect(call).toMatch(/\.listen\([^,]+, (config\.bindAddress|at\.host)\b/);
  });

  const running: { entry: string; port: number; proc: Running }[] = [];

  beforeAll(async () => {
    if (!other) return;
    const db = uniqueDatabaseUri('bind');
    // Started together (each takes a while to compile and connect); BIND_ADDRESS left to its default.
    for (const { entry, portSetting } of PROCESSES) {
      const port = await freePort();
      const proc = startProcess(entry, {
        [portSetting]: String(port), BIND_ADDRESS: undefined, MONGODB_URI: db, REDIS_PREFIX: uniquePrefix('bind'), TELEGRAM_BOT_TOKEN: '',
      });
      running.push({ entry, port, proc });
    }
  }, 30_000);

  afterAll(async () => {
    for (const { proc } of running) {
      proc.child.kill('SIGTERM');
      await proc.exited;
    }
  }, 30_000);

  it('this machine can be reached on its other address at all (else the checks below would prove nothing)', async () => {
    if (!other) return void process.stdout.write('bind-address.test: skipped (no IPv4 address besides loopback on this machine)\n');
    const server = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
    const { port } = server.address() as net.AddressInfo;
    expect(await acceptsConnections(other, port)).toBe(true);
    server.close();
  });

  it.each(PROCESSES.map((p) => p.entry))('%s answers on 127.0.0.1 and refuses connections on the machine\'s other address', async (entry) => {
    if (!other) return void process.stdout.write(`bind-address.test: skipped ${entry} (no IPv4 address besides loopback)\n`);
    const { port, proc } = running.find((r) => r.entry === entry)!;
    await expectEventually(async () => {
      expect(proc.child.exitCode).toBeNull();
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    }, 120_000, 200);
    expect(await acceptsConnections(other, port)).toBe(false);
  }, 150_000);
});
