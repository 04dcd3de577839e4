import type { NextFunction, Request, Response } from 'express';
import { listUnreachedOpen, type AlertRow } from '../../src/alerts/list-alerts';
import { can } from '../permissions';

// Every page of the escalation chain shows the alerts nobody on call received, until one is acknowledged. The
// list is read at most once every few seconds per process (FerretDB reads the collection for such a filter), and
// at once after an acknowledgement here.
const FRESH_MS = 3_000;
let cached: { at: number; rows: AlertRow[] } | null = null;

export function forgetAlertBanner(): void {
  cached = null;
}

async function unreached(): Promise<AlertRow[]> {
  if (cached && Date.now() - cached.at < FRESH_MS) return cached.rows;
  const rows = await listUnreachedOpen();
  cached = { at: Date.now(), rows };
  return rows;
}

/** Sets `alertBanner` for pages (not the API, not posts) of users whose role sees it (`alert.banner`). */
export async function alertBanner(req: Request, res: Response, next: NextFunction): Promise<void> {
  if (req.method === 'GET' && req.user && !req.path.startsWith('/api/') && can(req.user.role, 'alert.banner')) {
    // The banner must not take a page down with it.
    res.locals.alertBanner = await unreached().catch(() => []);
  }
  next();
}
