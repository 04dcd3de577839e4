import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Synchronizer token: one random token per session, put into every form and expected back on every change. */
export function csrfToken(req: Request): string {
  req.session.csrfToken ??= randomBytes(32).toString('base64url');
  return req.session.csrfToken;
}

// Form posts carry `_csrf`; JSON calls carry the `x-csrf-token` header. Sign-in by JSON is exempt (no session yet):
// a cross-site page cannot send a JSON body without a CORS preflight, which we never grant.
export function verifyCsrf(req: Request, res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method)) return next();
  if (req.path === '/api/session' && req.method === 'POST' && req.is('application/json')) return next();
  // bull-board's UI sends JSON, PUT and PATCH without our token; none of those can come from another site without a
  // CORS preflight, which we never grant. A plain form POST there still needs the token.
  if (req.path.startsWith('/queues/api/') && (req.method !== 'POST' || req.is('application/json'))) return next();
  const expected = req.session.csrfToken;
  const body = req.body as Record<string, unknown> | undefined;
  const sent = req.get('x-csrf-token') ?? (typeof body?._csrf === 'string' ? body._csrf : undefined);
  if (expected && sent && sameToken(expected, sent)) return next();
  res.status(403);
  if (req.path.startsWith('/api/')) res.json({ error: 'csrf', message: 'missing or wrong CSRF token' });
  else res.type('text/plain').send('Formulir kedaluwarsa atau tidak sah (CSRF). Muat ulang halaman dan coba lagi.');
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
