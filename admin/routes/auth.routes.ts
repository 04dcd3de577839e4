import type { Express, Request, Response } from 'express';
import { z } from 'zod';
import { recordAuditEvent } from '../../src/audit/record-audit-event';
import { signOutEverywhere, setPassword, UserError } from '../../src/users/manage-users';
import { verifyPassword } from '../../src/users/passwords';
import { signIn, type SignInResult } from '../../src/users/sign-in';
import type { SignInThrottle } from '../../src/users/sign-in-throttle';
import { actorOf, allow } from '../middleware/current-user';
import { csrfToken } from '../middleware/csrf';
import { homeFor } from './home';

const LoginForm = z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(200), _csrf: z.string().optional(), next: z.string().optional() });
const PasswordForm = z.strictObject({
  current: z.string().max(200),
  password: z.string().max(200),
  confirm: z.string().max(200),
  _csrf: z.string().optional(),
});

/** Only a local path may be a redirect target after sign-in (no open redirect). */
function safeNext(next: unknown): string | undefined {
  return typeof next === 'string' && /^\/[a-zA-Z0-9/_?=&%.-]*$/.test(next) && !next.startsWith('//') ? next : undefined;
}

/** The client's address as express sees it: the connection's, or a TRUST_PROXY proxy's X-Forwarded-For. */
export function sourceOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** Too many attempts: the same answer for every name, with how long to wait. */
export function tooManyAttempts(res: Response, result: { retryAfterSeconds: number }): Response {
  return res.status(429).set('retry-after', String(result.retryAfterSeconds));
}

/** A throttled sign-in; on success a fresh session and an audit event. The page and the API share it. */
export async function signInAndStartSession(req: Request, throttle: SignInThrottle, username: string, password: string): Promise<SignInResult> {
  const result = await signIn(throttle, { username, password, source: sourceOf(req) });
  if (!result.ok) return result;
  await startSession(req, result.user.id, result.user.sessionVersion);
  const user = result.user;
  await recordAuditEvent({ id: user.id, name: user.username, role: user.role }, { action: 'user.sign_in', subjectType: 'user', subjectId: user.id });
  return result;
}

export function registerAuthRoutes(app: Express, throttle: SignInThrottle): void {
  app.get('/login', (req, res) => {
    if (req.user) return res.redirect(303, homeFor(req.user.role));
    csrfToken(req);
    res.render('login.njk', { next: safeNext(req.query.next) });
  });

  app.post('/login', async (req, res) => {
    const form = LoginForm.safeParse(req.body);
    const t = res.locals.t;
    if (!form.success) return res.status(400).render('login.njk', { error: t('bad_credentials') });
    const result = await signInAndStartSession(req, throttle, form.data.username, form.data.password);
    if (!result.ok && result.reason === 'throttled') return tooManyAttempts(res, result).render('login.njk', { error: t('throttled') });
    if (!result.ok) return res.status(401).render('login.njk', { error: t('bad_credentials') });
    const user = result.user;
    res.redirect(303, user.mustChangePassword ? '/password' : safeNext(form.data.next) ?? homeFor(user.role));
  });

  app.post('/logout', (req, res) => {
    req.session.destroy(() => res.redirect(303, '/login'));
  });

  app.post('/logout-everywhere', allow('account.self'), async (req, res) => {
    await signOutEverywhere(req.user!.id);
    await recordAuditEvent(actorOf(req), { action: 'user.sign_out_everywhere', subjectType: 'user', subjectId: req.user!.id });
    req.session.destroy(() => res.redirect(303, '/login'));
  });

  app.get('/password', allow('account.self'), (req, res) => {
    res.render('password.njk', { forced: req.user!.mustChangePassword });
  });

  app.post('/password', allow('account.self'), async (req, res) => {
    const user = req.user!;
    const form = PasswordForm.safeParse(req.body);
    const render = (error: string) => res.status(400).render('password.njk', { forced: user.mustChangePassword, error });
    if (!form.success) return render('Formulir tidak lengkap.');
    // The current password is guessed at like a sign-in (a session left open on a shared computer): same budgets.
    const attempt = await throttle.reserve(user.username, sourceOf(req));
    if (!attempt.ok) return tooManyAttempts(res, attempt).render('password.njk', { forced: user.mustChangePassword, error: res.locals.t('throttled') });
    if (!(await verifyPassword(user.passwordHash, form.data.current))) return render('Kata sandi saat ini salah.');
    await attempt.succeeded();
    if (form.data.password !== form.data.confirm) return render('Kedua kata sandi baru tidak sama.');
    if (form.data.password === form.data.current) return render('Kata sandi baru harus berbeda.');
    try {
      const updated = await setPassword(user.username, form.data.password, false);
      await recordAuditEvent(actorOf(req), { action: 'user.password_change', subjectType: 'user', subjectId: user.id });
      // The version moved on (other sessions end); this one continues under a fresh id.
      await startSession(req, updated.id, updated.sessionVersion);
      res.redirect(303, homeFor(updated.role));
    } catch (err) {
      if (err instanceof UserError) return render(err.message);
      throw err;
    }
  });
}

/** A new session id at every sign-in (no session fixation), a new CSRF token with it. */
export function startSession(req: Request, userId: string, sessionVersion: number): Promise<void> {
  const lang = req.session.lang;
  return new Promise((resolve, reject) => {
    req.session.regenerate((err) => {
      if (err) return reject(err);
      req.session.userId = userId;
      req.session.sessionVersion = sessionVersion;
      if (lang) req.session.lang = lang;
      csrfToken(req);
      req.session.save((saveErr) => (saveErr ? reject(saveErr) : resolve()));
    });
  });
}
