import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expectEventually } from './expect-eventually';
import { freePort, ROOT } from './processes';

/**
 * A FerretDB of the test's own on a free port and a temporary directory, for tests that load the database hard or
 * kill processes mid-write: whatever happens there never touches the shared server other test files use.
 */
export async function startOwnFerretDb() {
  const bin = path.join(ROOT, '.data/bin/ferretdb');
  if (!fs.existsSync(bin)) execFileSync('go', ['build', '-o', bin, '.'], { cwd: path.join(ROOT, 'tools/ferretdb'), stdio: 'ignore' });
  const port = await freePort();
  // In memory when the machine has /dev/shm: SQLite's fsync per write is what makes FerretDB slow on disk.
  const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const dir = fs.mkdtempSync(path.join(base, 'lapor-ferretdb-'));
  const child: ChildProcess = spawn(bin, ['-listen', `127.0.0.1:${port}`, '-dir', dir], { stdio: 'ignore' });
  await expectEventually(
    () =>
      new Promise<void>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.end(resolve));
        socket.once('error', reject);
      }),
    30_000,
  );
  return {
    uri: (db: string) => `mongodb://127.0.0.1:${port}/${db}`,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
