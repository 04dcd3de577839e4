import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Express, NextFunction, Request, Response } from 'express';
import type { Queue } from 'bullmq';
import { recordAuditEvent } from '../../src/audit/record-audit-event';
import { actorOf, allow } from '../middleware/current-user';

export const QUEUE_BOARD_PATH = '/queues';
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every board action that changes a queue (retry, remove, clean, empty, pause, add a job) is an audit event,
 * recorded before the board acts: who, which queue, what. Job payloads hold ids and encrypted text only, so
 * reading the board is not.
 */
export async function auditQueueAction(req: Request, _res: Response, next: NextFunction): Promise<void> {
  if (READS.has(req.method)) return next();
  const queue = /^\/api\/queues\/([^/]+)/.exec(req.path)?.[1];
  await recordAuditEvent(actorOf(req), {
    action: 'queue.action',
    subjectType: 'queue',
    subjectId: queue && queue !== 'pause' && queue !== 'resume' ? decodeURIComponent(queue) : 'all',
    details: { method: req.method, path: req.path.slice(0, 200) },
  });
  next();
}

/** bull-board for the Koordinator and the administrator: failed jobs, retries, queue depth. */
export function registerQueueBoard(app: Express, queues: Queue[]): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  // @bull-board/express 9.10.1 nests its own @bull-board/api 9.10.1 beside our 9.10.2: same shape, distinct types.
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'] });
  app.use(
    QUEUE_BOARD_PATH,
    allow('queue.ops'),
    auditQueueAction,
    (_req, res, next) => {
      // The board's own UI needs inline script and styles; it is served only to these two roles.
      res.set('content-security-policy', "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline' https:; img-src 'self' data:; font-src 'self' data: https:; frame-ancestors 'none'");
      next();
    },
    serverAdapter.getRouter(),
  );
}
