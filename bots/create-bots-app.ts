import type http from 'node:http';
import express, { type ErrorRequestHandler, type Router } from 'express';
import type { ExtraRoute } from '../src/runtime/health-server';
import type { TrustProxy } from '../src/trust-proxy';

/**
 * The bots process's HTTP app: channel webhooks and the web chat. Channels mount their routes on `channels`
 * as they start; the health server hands it every request except its own.
 */
export function createBotsApp(trustProxy: TrustProxy = false): { app: express.Express; channels: Router; asExtraRoute: ExtraRoute } {
  const app = express();
  app.disable('x-powered-by');
  // The web chat's per-address limit reads req.ip: only proxies named in TRUST_PROXY may set it (default: nobody).
  app.set('trust proxy', trustProxy);
  const channels = express.Router();
  app.use(channels);
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  // A malformed body is the sender's problem: a short answer, and no echo of what was sent in our logs.
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (!res.headersSent) res.status(status).json({ error: status === 500 ? 'internal error' : 'bad request' });
  };
  app.use(onError);

  const asExtraRoute: ExtraRoute = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz' || path === '/readyz') return false;
    app(req as express.Request, res as express.Response);
    return true;
  };
  return { app, channels, asExtraRoute };
}
