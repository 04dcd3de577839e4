import type { Express, Request } from 'express';
import type { SessionData } from 'express-session';
import { UserModel } from '../../src/db/models/user.model';
import { findIntakeQueue, IntakeFilterSchema, QUEUE_STATUSES, type IntakeFilter } from '../../src/reports/intake-queue';
import { CATEGORIES, CHANNELS, PRIORITIES } from '../../src/reports/report-vocabulary';
import type { RouteDeps } from '../create-admin-app';
import { allow } from '../middleware/current-user';
import type { QueueWatcher } from '../queue-watcher';

function filterOf(req: Request): IntakeFilter {
  const parsed = IntakeFilterSchema.safeParse(req.query);
  return parsed.success ? parsed.data : {};
}

/** Queue rows with the holder's name instead of an id. */
export async function queueRows(filter: IntakeFilter) {
  const rows = await findIntakeQueue(filter);
  const holderIds = [...new Set(rows.map((r) => r.claimedBy).filter((id): id is string => Boolean(id)))];
  const holders = new Map(
    (await UserModel.find({ _id: { $in: holderIds } }, { displayName: 1 }).lean()).map((u) => [String(u._id), u.displayName]),
  );
  return rows.map((r) => ({ ...r, id: String(r._id), holder: r.claimedBy ? holders.get(r.claimedBy) ?? '—' : '' }));
}

export function registerIntakeRoutes(app: Express, deps: RouteDeps, watcher: QueueWatcher): void {
  app.get('/intake', allow('intake.view'), async (req, res) => {
    const filter = filterOf(req);
    res.render('intake.njk', {
      title: res.locals.t('intake_queue'),
      rows: await queueRows(filter),
      filter,
      options: { priorities: PRIORITIES, categories: CATEGORIES, channels: CHANNELS, statuses: QUEUE_STATUSES, kecamatan: deps.config.district.kecamatan },
    });
  });

  // The rows alone, for the live page to swap in after a change.
  app.get('/intake/rows', allow('intake.view'), async (req, res) => {
    res.render('intake-rows.njk', { rows: await queueRows(filterOf(req)) });
  });

  // Server-sent events: "changed" whenever the queue changes; a comment line every 20 s keeps proxies from closing it.
  // The stream lives only as long as the session that opened it: every push, and a check every few seconds, asks
  // whether it is still signed in (sign-out, "sign out everywhere", a password change, deactivation end it).
  app.get('/intake/stream', allow('intake.view'), (req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write('retry: 3000\n\n');
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(keepAlive);
      clearInterval(check);
      unsubscribe();
      res.end();
    };
    const whileSignedIn = async (send: () => void) => {
      const live = await sessionIsLive(req).catch(() => false);
      if (ended) return;
      if (!live) {
        res.write('event: signed_out\ndata: \n\n');
        return end();
      }
      send();
    };
    const unsubscribe = watcher.subscribe(() => void whileSignedIn(() => res.write(`event: changed\ndata: ${Date.now()}\n\n`)));
    const keepAlive = setInterval(() => void whileSignedIn(() => res.write(': keep-alive\n\n')), 20_000);
    const check = setInterval(() => void whileSignedIn(() => undefined), SESSION_CHECK_MS);
    req.on('close', end);
  });
}

/** How often an open stream asks whether its session is still signed in, when the queue is quiet. */
export const SESSION_CHECK_MS = 5_000;

/** True while the session behind `req` still exists, for the same user, at the user's current session version. */
async function sessionIsLive(req: Request): Promise<boolean> {
  const stored = await new Promise<SessionData | null | undefined>((resolve, reject) => {
    req.sessionStore.get(req.sessionID, (err, data) => (err ? reject(err) : resolve(data)));
  });
  if (!stored || stored.userId !== req.user!.id) return false;
  const user = await UserModel.findById(stored.userId, { sessionVersion: 1, active: 1 }).lean();
  return Boolean(user?.active && user.sessionVersion === stored.sessionVersion);
}
