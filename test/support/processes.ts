import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

export interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts one of our processes (e.g. "admin/main.ts") with tsx's loader, capturing its output. Node itself is the
 * child, not the tsx CLI: that CLI relays SIGTERM and SIGKILLs a child that does not confirm within 30 ms, which
 * on a busy machine turned graceful-shutdown tests into exit code 143.
 */
export function startProcess(entry: string, env: Record<string, string | undefined>, nodeArgs: string[] = []): Running {
  return startNode([...nodeArgs, '--import', 'tsx', entry], env);
}

/** Starts a built process (e.g. "dist/admin/main.js") with plain Node, as the production image runs it. */
export function startBuiltProcess(entry: string, env: Record<string, string | undefined>): Running {
  return startNode([entry], env);
}

function startNode(args: string[], env: Record<string, string | undefined>): Running {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}
