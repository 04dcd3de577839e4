import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Redis } from 'ioredis';
import nunjucks from 'nunjucks';
import type { Config } from '../src/config';
import { createFieldCipher, createLookupHasher, type FieldCipher } from '../src/crypto/field-cipher';
import type { Logger } from '../src/logger';
import type { Queues } from '../src/queue/queues';
import { checkReadiness } from '../src/runtime/readiness';
import { createSignInThrottle } from '../src/users/sign-in-throttle';
import { labelOf, type LabelKind } from '../src/labels/labels';
import { translator, type Lang } from './i18n';
import { csrfToken, verifyCsrf } from './middleware/csrf';
import { alertBanner } from './middleware/alert-banner';
import { isApi, loadCurrentUser } from './middleware/current-user';
import { createSessionMiddleware } from './middleware/session';
import { registerAuthRoutes } from './routes/auth.routes';
import { can, type Action } from './permissions';
import { createQueueWatcher } from './queue-watcher';
import { registerApiRoutes } from './routes/api.routes';
import { registerAlertRoutes } from './routes/alert.routes';
import { registerAuditRoutes } from './routes/audit.routes';
import { registerCaseRoutes } from './routes/case.routes';
import { registerDashboardRoutes } from './routes/dashboard.routes';
import { registerGrantRoutes } from './routes/grant.routes';
import { homeFor } from './routes/home';
import { registerIntakeRoutes } from './routes/intake.routes';
import { registerOnCallRoutes } from './routes/oncall.routes';
import { registerPartnerRoutes } from './routes/partner.routes';
import { registerQueueBoard } from './routes/queue-board';
import { registerWhatsappLoginRoutes } from './routes/whatsapp-login.routes';
import { registerWalkInRoutes } from './routes/register-report.routes';
import { registerReportRoutes } from './routes/report.routes';
import { registerUserRoutes } from './routes/user.routes';
import { registerRetentionRoutes } from './routes/retention.routes';

export interface AdminDeps {
  config: Config;
  redis: Redis;
  /** The `outbound` queue (staff replies); absent in tests that do not send. */
  queues?: Partial<Queues>;
  logger?: Logger;
}

/** Everything a route module needs, wired once here. */
export interface RouteDeps extends AdminDeps {
  cipher: FieldCipher;
}

export const BODY_LIMIT = '64kb';

export function createAdminApp(deps: AdminDeps): express.Express {
  const { config, redis } = deps;
  const app = express();
  app.disable('x-powered-by');
  // Only the proxies named in TRUST_PROXY may set the client's address (sign-in throttle) and scheme (the secure
  // cookie follows X-Forwarded-Proto); by default nobody, so a client cannot pick its own address.
  app.set('trust proxy', config.trustProxy);

  const views = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(__dirname, 'views')), {
    autoescape: true,
    throwOnUndefined: false,
  });
  const timeFormat = new Intl.DateTimeFormat('id-ID', { timeZone: config.district.timezone, dateStyle: 'short', timeStyle: 'short' });
  views.addFilter('isoTime', (value: unknown) => (value instanceof Date ? timeFormat.format(value) : ''));
  views.express(app);
  app.set('view engine', 'njk');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness(redis);
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });

  app.use((_req, res, next) => {
    // no-store on every answer: pages and JSON carry reports, cases and names, which no browser or proxy may keep.
    // Static files (below) set their own caching and carry nothing personal.
    res.set({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' });
    res.set('content-security-policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    next();
  });
  // Pico CSS straight from its package (node_modules ships in the image, so the built app finds it too).
  app.use('/static/pico', express.static(path.dirname(require.resolve('@picocss/pico/css/pico.min.css')), { maxAge: '1h' }));
  app.use('/static', express.static(path.join(__dirname, 'static'), { maxAge: '1h' }));
  // Order matters: bodies are parsed (with a size limit) before the CSRF check reads `_csrf`.
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  app.use(createSessionMiddleware(config, redis));
  app.use(languageAndLocals(config));
  app.use(loadCurrentUser);
  app.use(alertBanner);
  app.use(verifyCsrf);

  const routeDeps: RouteDeps = { ...deps, cipher: createFieldCipher(config.crypto) };
  const throttle = createSignInThrottle({ redis, prefix: config.redis.prefix, hasher: createLookupHasher(config.crypto.lookupHashKey) });
  // Every route names its action (admin/permissions.ts); the permission-matrix test walks them all.
  registerAuthRoutes(app, throttle);
  registerIntakeRoutes(app, routeDeps, createQueueWatcher());
  registerReportRoutes(app, routeDeps);
  registerWalkInRoutes(app, routeDeps);
  registerCaseRoutes(app, routeDeps);
  registerPartnerRoutes(app);
  registerAuditRoutes(app);
  registerOnCallRoutes(app, routeDeps);
  registerAlertRoutes(app, routeDeps);
  registerUserRoutes(app, routeDeps);
  registerGrantRoutes(app);
  registerDashboardRoutes(app);
  registerRetentionRoutes(app, routeDeps);
  registerWhatsappLoginRoutes(app, routeDeps);
  registerApiRoutes(app, routeDeps, throttle);
  const boardQueues = Object.values(deps.queues ?? {});
  if (boardQueues.length) registerQueueBoard(app, boardQueues);

  app.get('/', (req, res) => {
    res.redirect(303, req.user ? homeFor(req.user.role) : '/login');
  });

  app.use((req, res) => {
    res.status(404);
    if (isApi(req)) return void res.json({ error: 'not_found' });
    res.render('error.njk', { title: res.locals.t('not_found'), message: '' });
  });
  app.use(errorHandler(deps.logger));
  return app;
}

function languageAndLocals(config: Config) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const asked = req.query.lang;
    if ((asked === 'id' || asked === 'en') && req.session.lang !== asked) req.session.lang = asked;
    const lang: Lang = req.session.lang ?? 'id';
    res.locals.lang = lang;
    res.locals.t = translator(lang);
    res.locals.unit = config.district.unitName;
    res.locals.unitShort = config.district.unitShortName;
    // Every stored code reaches the page through this: `label('status', report.status)` (src/labels/).
    res.locals.label = (kind: LabelKind, code: unknown) => labelOf(lang, kind, code);
    res.locals.csrf = () => csrfToken(req);
    res.locals.path = req.path;
    res.locals.can = (action: Action) => Boolean(req.user && can(req.user.role, action));
    // A one-time message is shown by the next full page, not eaten by the live queue's background requests.
    if (req.session.flash && req.method === 'GET' && !/^\/(api|intake\/|static)/.test(req.path)) {
      res.locals.flash = req.session.flash;
      delete req.session.flash;
    }
    next();
  };
}

interface HttpError extends Error {
  status?: number;
  type?: string;
}

function errorHandler(logger?: Logger) {
  return (err: HttpError, req: Request, res: Response, _next: NextFunction): void => {
    const status = err.type === 'entity.too.large' ? 413 : err.status && err.status < 500 ? err.status : 500;
    if (status === 500) logger?.error({ err: { message: err.message, stack: err.stack }, path: req.path }, 'request failed');
    if (res.headersSent) return;
    const message = status === 413 ? 'request body too large' : status === 500 ? 'internal error' : 'bad request';
    res.status(status);
    if (isApi(req) || req.is('application/json')) return void res.json({ error: message });
    res.type('text/plain').send(message);
  };
}
