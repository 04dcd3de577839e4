import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';

const OBJECT_ID = /^[a-f0-9]{24}$/;

export function isObjectId(value: unknown): value is string {
  return typeof value === 'string' && OBJECT_ID.test(value);
}

/**
 * Parses a form or JSON body with a strict zod object: unknown keys, objects where strings belong (`{"$ne": null}`)
 * and wrong types are refused before any query is built. `_csrf` is allowed in forms.
 */
export function parseBody<T extends z.ZodObject>(schema: T, body: unknown): z.infer<T> | undefined {
  const fields = { ...(body as Record<string, unknown> | undefined) };
  delete fields._csrf;
  const parsed = schema.strict().safeParse(fields);
  return parsed.success ? (parsed.data as z.infer<T>) : undefined;
}

/** Sends the user back to a page with a one-time message. */
export function redirectWithFlash(req: Request, res: Response, to: string, message: string): void {
  req.session.flash = message;
  res.redirect(303, to);
}

/** Express 5 forwards rejected promises; this keeps `:id` checks in one place: a malformed id is a plain 404. */
export function requireObjectIdParam(name: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (isObjectId(req.params[name])) return next();
    res.status(404);
    if (req.originalUrl.startsWith('/api/')) return void res.json({ error: 'not_found' });
    res.render('error.njk', { title: res.locals.t('not_found'), message: '' });
  };
}
