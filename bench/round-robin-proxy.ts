import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One address in front of several bots processes, as a load balancer would be: each request goes to the next port in
 * turn, forwarded as it came (method, path, headers, body) and answered with what that process answered.
 */
export async function startRoundRobinProxy(ports: number[]): Promise<{ port: number; forwarded: number[]; failed: string[]; close(): Promise<void> }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const forwarded = ports.map(() => 0);
  // Forwards that got no answer from their process (answered 502): the error of each, as a load balancer would log it.
  const failed: string[] = [];
  let next = 0;
  const server = http.createServer((req, res) => {
    const i = next++ % ports.length;
    forwarded[i]!++;
    const upstream = http.request({ host: '127.0.0.1', port: ports[i], method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      failed.push(err.code ?? err.message);
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  // As the bots' own server does (health-server.ts): the fake Telegram's idle connections are closed by the fake first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // A thousand reporters' first updates arrive at once: the default backlog (511) reset some of those connections.
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    forwarded,
    failed,
    close: () => new Promise((resolve) => {
      agent.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
