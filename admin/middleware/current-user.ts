import type { NextFunction, Request, Response } from 'express';
import { UserModel, type UserDocument } from '../../src/db/models/user.model';
import type { Actor } from '../../src/audit/record-audit-event';
import { can, type Action } from '../permissions';

declare module 'express-serve-static-core' {
  interface Request {
    user?: UserDocument;
  }
}

export function isApi(req: Request): boolean {
  return req.originalUrl.startsWith('/api/');
}

/** Loads the signed-in user; a session from before "sign out everywhere" or a password change is ended here. */
export async function loadCurrentUser(req: Request, res: Response, next: NextFunction): Promise<void> {
  const { userId, sessionVersion } = req.session;
  if (userId) {
    const user = await UserModel.findById(userId);
    if (user && user.active && user.sessionVersion === sessionVersion) {
      req.user = user;
      res.locals.user = { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
    } else {
      delete req.session.userId;
      delete req.session.sessionVersion;
    }
  }
  next();
}

export function actorOf(req: Request): Actor {
  const user = req.user!;
  return { id: user.id, name: user.username, role: user.role };
}

const PASSWORD_CHANGE_PATHS = new Set(['/password', '/logout', '/api/session']);

/**
 * Every route names the action it performs. Not signed in: 401 (API) or to the sign-in page. Signed in without
 * the role for it: 403. A user who must still change the first password can only do that.
 */
export function allow(action: Action, ...orElse: Action[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const user = req.user;
    if (!user) {
      if (isApi(req)) return void res.status(401).json({ error: 'unauthenticated' });
      return res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
    }
    if (user.mustChangePassword && !PASSWORD_CHANGE_PATHS.has(req.path)) {
      if (isApi(req)) return void res.status(403).json({ error: 'password_change_required' });
      return res.redirect(303, '/password');
    }
    // Several actions: any one will do (the route then narrows it, e.g. a case worker to their own case's report).
    if (![action, ...orElse].some((a) => can(user.role, a))) {
      res.status(403);
      if (isApi(req)) return void res.json({ error: 'forbidden' });
      return res.render('error.njk', { title: res.locals.t('forbidden'), message: res.locals.t('forbidden_text') });
    }
    next();
  };
}
