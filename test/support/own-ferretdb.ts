import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expectEventually } from './expect-eventually';
import { freePort, ROOT } from './processes';

/**
 * A FerretDB of the test's own on a free port, for tests that load the database hard, kill processes mid-write or
 * restart the database: the shared server other test files use is never touched. It runs on the backend
 * scripts/services.sh would choose (PostgreSQL where one answers: a PostgreSQL database of its own, dropped at the
 * end; SQLite otherwise: a temporary directory). The binary is the one scripts/services.sh builds
 * (`LAPOR_FERRETDB_BIN` overrides where it is).
 */
export async function startOwnFerretDb() {
  const bin = ferretDbBinary();
  const port = await freePort();
  const store = ferretDbBackend() === 'postgresql' ? ownPostgresqlDatabase() : ownSqliteDirectory();
  const spawnIt = () => spawn(bin, ['-listen', `127.0.0.1:${port}`, ...store.args], { stdio: 'ignore' });
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
    backend: store.backend,
    async stop() {
      await exit('SIGTERM');
      store.remove();
    },
  };
}

function ferretDbBinary(): string {
  const given = process.env.LAPOR_FERRETDB_BIN;
  if (given) return given;
  // services.sh builds it when missing or older than tools/ferretdb, and otherwise only names it.
  return execFileSync('bash', [path.join(ROOT, 'scripts/services.sh'), '--ferretdb-binary'], { cwd: ROOT, encoding: 'utf8' }).trim();
}

const POSTGRESQL_URL = process.env.LAPOR_POSTGRESQL_URL ?? 'postgres://postgres@127.0.0.1:5432/lapor_ferretdb';

const OWN_POOL = Number(process.env.LAPOR_FERRETDB_OWN_POOL ?? 10);

let backend: string | undefined;
/** The backend scripts/services.sh picks on this machine ("postgresql" or "sqlite"). */
export function ferretDbBackend(): string {
  backend ??= execFileSync('bash', [path.join(ROOT, 'scripts/services.sh'), '--ferretdb-backend'], { cwd: ROOT, encoding: 'utf8' }).trim();
  return backend;
}

function ownPostgresqlDatabase() {
  const server = POSTGRESQL_URL.slice(0, POSTGRESQL_URL.lastIndexOf('/'));
  const name = `lapor_own_${randomBytes(6).toString('hex')}`;
  const psql = (sql: string) => execFileSync('psql', [`${server}/postgres`, '-Atqc', sql], { stdio: 'pipe' });
  psql(`create database ${name}`);
  return {
    backend: 'postgresql',
    // A small pool (FerretDB's default is 50 of PostgreSQL's 100 connections, never closed when idle): see services.sh.
    args: ['-postgresql-url', `${server}/${name}?pool_max_conns=${OWN_POOL}&pool_max_conn_idle_time=1m`],
    remove: () => psql(`drop database if exists ${name} with (force)`),
  };
}

function ownSqliteDirectory() {
  // In memory when the machine has /dev/shm: SQLite's fsync per write is what makes FerretDB slow on disk.
  // (It survives a restart of the server, which is all a restart test needs.)
  const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const dir = fs.mkdtempSync(path.join(base, 'lapor-ferretdb-'));
  return { backend: 'sqlite', args: ['-dir', dir], remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
