import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expectEventually } from './expect-eventually';
import { freePort, ROOT } from './processes';

/**
 * A FerretDB of the test's own on a free port and a temporary directory, for tests that load the database hard,
 * kill processes mid-write or restart the database: the shared server other test files use is never touched.
 * The binary is the one scripts/services.sh builds (`LAPOR_FERRETDB_BIN` overrides where it is).
 */
export async function startOwnFerretDb() {
  const bin = ferretDbBinary();
  const port = await freePort();
  // In memory when the machine has /dev/shm: SQLite's fsync per write is what makes FerretDB slow on disk.
  // (It survives a restart of the server, which is all a restart test needs.)
  const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const dir = fs.mkdtempSync(path.join(base, 'lapor-ferretdb-'));
  const spawnIt = () => spawn(bin, ['-listen', `127.0.0.1:${port}`, '-dir', dir], { stdio: 'ignore' });
  const waitUp = () =>
    expectEventually(
      () =>
        new Promise<void>((resolve, reject) => {
          const socket = net.connect(port, '127.0.0.1', () => socket.end(resolve));
          socket.once('error', reject);
        }),
      30_000,
    );
  let child: ChildProcess = spawnIt();
  await waitUp();
  const exit = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  };
  return {
    port,
    uri: (db: string) => `mongodb://127.0.0.1:${port}/${db}`,
    /** Kills the server (SIGKILL, as a crash would) and starts it again on the same port and data. */
    async restart() {
      await exit('SIGKILL');
      child = spawnIt();
      await waitUp();
    },
    async stop() {
      await exit('SIGTERM');
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
