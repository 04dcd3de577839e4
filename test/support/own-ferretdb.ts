import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expectEventually } from './expect-eventually';
import { freePort, ROOT } from './processes';

/**
 * A FerretDB of the test's own on a free port (for tests that restart the database; the shared one on 27017 is never
 * touched). The binary is the one scripts/services.sh builds (`LAPOR_FERRETDB_BIN` overrides where it is).
 */
export async function startOwnFerretDb() {
  const bin = ferretDbBinary();
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lapor-ferretdb-'));
  const args = ['-listen', `127.0.0.1:${port}`, '-dir', dir];
  let log = '';
  const spawnIt = () => {
    const c = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    c.stdout!.on('data', (d) => (log += d));
    c.stderr!.on('data', (d) => (log += d));
    return c;
  };
  let child: ChildProcess = spawnIt();
  const waitUp = () => expectEventually(() => answers(port), 30_000, 100);
  await waitUp();
  return {
    port,
    /** Base URI without a database name. */
    uri: `mongodb://127.0.0.1:${port}`,
    output: () => log,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
    async start() {
      child = spawnIt();
      await waitUp();
    },
    async close() {
      await this.stop().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function ferretDbBinary(): string {
  const given = process.env.LAPOR_FERRETDB_BIN;
  if (given) return given;
  const built = path.join(ROOT, '.data/bin/ferretdb');
  if (fs.existsSync(built)) return built;
  return execFileSync('bash', [path.join(ROOT, 'scripts/services.sh'), '--ferretdb-binary'], { cwd: ROOT, encoding: 'utf8' }).trim();
}

function answers(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}
