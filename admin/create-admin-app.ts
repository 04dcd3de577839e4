import express from 'express';
import type { Redis } from 'ioredis';
import type { Config } from '../src/config';
import { checkReadiness } from '../src/runtime/readiness';

export interface AdminDeps {
  config: Config;
  redis: Redis;
}

export function createAdminApp({ config, redis }: AdminDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness(redis);
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });
  app.get('/', (_req, res) => {
    res.type('text/plain').send(`Lapor Anak — ${config.district.unitShortName}\n`);
  });
  return app;
}
