import http from 'node:http';
import type { Redis } from 'ioredis';
import { checkReadiness, type ReadinessDetails } from './readiness';

const KEEP_ALIVE_MS = 65_000;

/**
 * A proxy in front (Caddy, or a balancer before the bots' webhook) keeps idle connections open to reuse them. Node
 * closes an idle one after 5 s: a request the proxy sends on it just then is reset and answered 502, and a Telegram
 * update waits for Telegram's retry (the bench lost 128 of 32,019 updates so). Idle connections stay open longer than
 * a usual proxy keeps them (nginx 60 s), so the proxy always closes first. Every HTTP server of ours calls this.
 */
export function outlastProxyKeepAlive(server: http.Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
}

export type ListenAt = { port: number; host: string };
export type ExtraRoute = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean> | boolean;

/**
 * The small HTTP face of a process that serves nothing else: /healthz (alive), /readyz (Mongo and Redis answer).
 * `extra` may answer other paths first (e.g. /metrics); it returns false to fall through. `details` adds figures to
 * the /readyz body (the worker's triage failures). `at.host` is BIND_ADDRESS: loopback unless a deployment opens it.
 */
export function startHealthServer(at: ListenAt, redis: Redis, extra?: ExtraRoute, details?: ReadinessDetails): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    try {
      if (extra && (await extra(req, res))) return;
      if (req.url === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (req.url === '/readyz') {
        const readiness = await checkReadiness(redis, details);
        return sendJson(res, readiness.ready ? 200 : 503, readiness);
      }
      sendJson(res, 404, { error: 'not found' });
    } catch {
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
    }
  });
  outlastProxyKeepAlive(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(at.port, at.host, () => resolve(server));
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
