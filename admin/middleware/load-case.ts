import type { NextFunction, Request, Response } from 'express';
import { CaseModel, type CaseDocument } from '../../src/db/models/case.model';
import { can } from '../permissions';
import { isApi } from './current-user';

declare module 'express-serve-static-core' {
  interface Request {
    kase?: CaseDocument;
  }
}

/** True for supervisors, and for the case manager or assessor of this case. */
export function mayTouchCase(user: { id: string; role: string }, kase: { caseManagerId?: string | null; assessorId?: string | null }): boolean {
  return can(user.role, 'case.any') || kase.caseManagerId === user.id || kase.assessorId === user.id;
}

/**
 * Loads `:id` as a case and checks it is the user's own (or the user supervises). Someone else's case is 403,
 * not 404, so the answer is honest without showing anything of it.
 */
export async function loadOwnCase(req: Request, res: Response, next: NextFunction): Promise<void> {
  const kase = await CaseModel.findById(req.params.id);
  if (!kase) {
    res.status(404);
    return isApi(req) ? void res.json({ error: 'not_found' }) : res.render('error.njk', { title: res.locals.t('not_found') });
  }
  if (!mayTouchCase(req.user!, kase)) {
    res.status(403);
    return isApi(req) ? void res.json({ error: 'forbidden' }) : res.render('error.njk', { title: res.locals.t('forbidden'), message: res.locals.t('forbidden_text') });
  }
  req.kase = kase;
  next();
}
