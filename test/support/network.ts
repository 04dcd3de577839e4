import net from 'node:net';
import os from 'node:os';

/** An IPv4 address of this machine other than loopback, to knock on from outside 127.0.0.1; undefined when none. */
export function nonLoopbackAddress(): string | undefined {
  return Object.values(os.networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

/** Whether a TCP connection to host:port is accepted (refused, reset or unanswered: false). */
export function acceptsConnections(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(5000, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
    function finish(accepted: boolean): void {
      socket.destroy();
      resolve(accepted);
    }
  });
}
